import { InvalidConfig, parseConfig } from '../config/config.schema.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { parseTokenArgs, TOKEN_USAGE, TokenUsageError } from './mint-token-args.ts';
import { LifetimeRefused, mintToken, tokenLifetime } from './mint-token.ts';

/** `npm run token -- --sub alice --roles case_manager`: see TOKEN_USAGE. */
async function main(argv: string[]): Promise<number> {
  const args = parseTokenArgs(argv);
  if (args === 'help') {
    console.log(TOKEN_USAGE);
    return 0;
  }
  const config = parseConfig(process.env);
  const lifetime = tokenLifetime(args.expires, config.AUTH_MAX_TOKEN_AGE);
  const secret = await resolveJwtSecret(config);
  if (!secret) {
    console.error('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this command.');
    return 2;
  }
  console.log(await mintToken(secret, { sub: args.sub, name: args.name, roles: args.roles, teams: args.teams }, `${lifetime}s`));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof TokenUsageError || error instanceof LifetimeRefused || error instanceof InvalidConfig)) throw error;
  console.error(error.message);
  // The environment, not the arguments, is wrong when the configuration is.
  if (!(error instanceof InvalidConfig)) console.error(TOKEN_USAGE);
  process.exitCode = 2;
}
