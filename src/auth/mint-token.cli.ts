import { parseArgs } from 'node:util';
import { parseConfig } from '../config/config.schema.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { LifetimeRefused, mintToken, tokenLifetime } from './mint-token.ts';
import { ROLES, type Role } from './roles.ts';

/** `npm run token -- --sub alice --roles case_manager[,supervisor] [--teams vcc-north[,…]] [--name "Alice"] [--expires 8h]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sub: { type: 'string' }, roles: { type: 'string' }, name: { type: 'string' }, teams: { type: 'string' }, expires: { type: 'string', default: '8h' } },
  });
  const roles = (values.roles ?? '').split(',').filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (!values.sub || roles.length === 0 || unknown.length > 0) {
    console.error(`Usage: npm run token -- --sub <user id> --roles <${ROLES.join('|')}>[,…] [--teams <team id>[,…]] [--name <name>] [--expires 8h]`);
    if (unknown.length > 0) console.error(`Unknown roles: ${unknown.join(', ')}`);
    process.exit(2);
  }
  const config = parseConfig(process.env);
  let lifetime: number;
  try {
    lifetime = tokenLifetime(values.expires, config.AUTH_MAX_TOKEN_AGE);
  } catch (error) {
    if (!(error instanceof LifetimeRefused)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const secret = await resolveJwtSecret(config);
  if (!secret) {
    console.error('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this command.');
    process.exit(2);
  }
  console.log(await mintToken(secret, { sub: values.sub, name: values.name, roles: roles as Role[], teams: (values.teams ?? '').split(',').filter(Boolean) }, `${lifetime}s`));
}

await main();
