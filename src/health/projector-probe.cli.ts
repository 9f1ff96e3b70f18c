import pg from 'pg';
import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { parseConfig } from '../config/config.schema.ts';

/**
 * The projector container's health check (it serves no HTTP): healthy while PostgreSQL answers and no
 * projection has halted. Exit code only; a halted projection's name goes to stderr, never its error text.
 */
async function main(): Promise<number> {
  const { DATABASE_URL } = parseConfig(process.env);
  if (!DATABASE_URL) {
    console.error('The projector probe needs DATABASE_URL');
    return 2;
  }
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1, connectionTimeoutMillis: 3000 });
  try {
    const halted = (await checkpoints.readAll(pool)).filter((checkpoint) => checkpoint.lastError !== null);
    for (const checkpoint of halted) console.error(`projection ${checkpoint.name} has halted`);
    return halted.length === 0 ? 0 : 1;
  } catch {
    console.error('PostgreSQL does not answer');
    return 1;
  } finally {
    await pool.end().catch(() => {});
  }
}

process.exit(await main());
