import { parseArgs } from 'node:util';
import { ROLES, type Role } from './roles.ts';

export const TOKEN_USAGE = `Usage: npm run token -- --sub <user id> --roles <${ROLES.join('|')}>[,…] [--teams <team id>[,…]] [--name <name>] [--expires 8h]`;

/** Arguments the command cannot use: one line saying which, shown above the usage. */
export class TokenUsageError extends Error {}

export interface TokenArgs {
  sub: string;
  name?: string;
  roles: Role[];
  teams: string[];
  /** A duration such as `8h`, checked against the service's maximum token age by tokenLifetime. */
  expires: string;
}

/** `--sub alice --roles case_manager[,supervisor] [--teams vcc-north[,…]] [--name "Alice"] [--expires 8h]`, or `--help`. */
export function parseTokenArgs(argv: string[]): TokenArgs | 'help' {
  const { values } = parsed(argv);
  if (values.help) return 'help';
  const roles = listOf(values.roles);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (!values.sub) throw new TokenUsageError('--sub is required');
  if (roles.length === 0) throw new TokenUsageError('--roles is required');
  if (unknown.length > 0) throw new TokenUsageError(`Unknown roles: ${unknown.join(', ')}`);
  return { sub: values.sub, name: values.name, roles: roles as Role[], teams: listOf(values.teams), expires: values.expires };
}

function parsed(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        sub: { type: 'string' },
        roles: { type: 'string' },
        name: { type: 'string' },
        teams: { type: 'string' },
        expires: { type: 'string', default: '8h' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own messages name the option and what is wrong with it, on one line.
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) throw new TokenUsageError((error as Error).message);
    throw error;
  }
}

const listOf = (text: string | undefined) => (text ?? '').split(',').filter(Boolean);
