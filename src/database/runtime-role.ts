import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL's "permission denied": the owner may not create roles (no CREATEROLE). */
const INSUFFICIENT_PRIVILEGE = '42501';

/** The role the service's requests run as, one per database (roles are the whole server's). */
export const runtimeRoleOf = (database: string) => `${database}_app`;

export type RuntimeConnection = { url: string; role: string } | { url: string; role: undefined; reason: string };

/**
 * The connection for requests: a role that reads and writes rows but changes no schema, and may only append
 * to and read the events (no UPDATE or DELETE, so even a compromised service cannot rewrite history). Created
 * and granted by the owner (`ownerUrl`, which ran the migrations and keeps running rebuilds), its password
 * derived from MASTER_KEY, which every process of a deployment shares: nothing to store, no process
 * changes the password another uses. Without the right to create roles, the owner's connection is returned.
 */
export async function provideRuntimeRole(ownerUrl: string, masterKey: Buffer): Promise<RuntimeConnection> {
  const url = new URL(ownerUrl);
  const role = runtimeRoleOf(decodeURIComponent(url.pathname.slice(1)));
  const password = createHmac('sha256', masterKey).update(`PostgreSQL role ${role}`).digest('base64url');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Two processes starting at once would otherwise both try to create the role.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [role]);
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
    const name = client.escapeIdentifier(role);
    await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(scramVerifier(password))}`);
    await client.query(grants(name));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    return { url: ownerUrl, role: undefined, reason: (error as Error).message };
  } finally {
    await client.end();
  }
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return { url: url.toString(), role };
}

/** Tables a rebuild creates and swaps in later get the same rights through the owner's default privileges. */
function grants(role: string): string {
  return `
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE ON events FROM ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role};`;
}

/**
 * What PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802), computed here so the password itself is in
 * no statement the server might log.
 */
function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
