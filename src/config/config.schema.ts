import { isIP } from 'node:net';
import { z } from 'zod';
import { durationSeconds } from './duration.ts';
import { isInside } from './inside-folder.ts';

/** A week: a token that outlives it is one nobody would notice was stolen. */
const MAX_TOKEN_AGE_CEILING = 7 * 86_400;

const optionalUrl = (schemes: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      message: `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    })
    .optional();

/** A master key as configured: 32 bytes in base64. */
export const isMasterKey = (value: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;

const timeoutMs = (defaultMs: number) => z.coerce.number().int().min(100).max(600_000).default(defaultMs);

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Without it the service runs its own embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Selects the EventStoreDB engine for events; read models stay in PostgreSQL. */
  EVENTSTORE_URL: optionalUrl(['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover', 'kurrent', 'kurrent+discover']),
  /** Wraps every data subject's key (base64 of 32 bytes); generated into DATA_DIR when absent. */
  MASTER_KEY: z
    .string()
    .trim()
    .refine(isMasterKey, { message: 'must be 32 bytes in base64' })
    .optional(),
  /** Where every erasure is registered outside the database (npm run erasures:reapply); a file in DATA_DIR when unset. */
  ERASURE_REGISTER_PATH: z.string().min(1).optional(),
  /** A file holding MASTER_KEY, outside DATA_DIR (a mounted secret, say): what a deployment uses. */
  MASTER_KEY_FILE: z.string().trim().min(1).optional(),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** A file holding AUTH_JWT_SECRET, outside DATA_DIR. */
  AUTH_JWT_SECRET_FILE: z.string().trim().min(1).optional(),
  AUTH_JWKS_URL: optionalUrl(['https', 'http']),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** The console's OpenID Connect client at AUTH_ISSUER (code flow with PKCE); its secret only for a confidential client. */
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CONSOLE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** What the console asks for: `openid` and whatever scope the provider grants the API's access tokens under. */
  CONSOLE_OIDC_SCOPE: z.string().trim().min(1).default('openid'),
  /** The console's public address, for the OIDC redirect (`https://casework.example/`); the request's own address otherwise. */
  CONSOLE_BASE_URL: optionalUrl(['https', 'http']),
  /** The longest a token may live (`exp - iat`) and the oldest it may be (`now - iat`): one stolen lives no longer. */
  AUTH_MAX_TOKEN_AGE: z
    .string()
    .trim()
    .transform((value, context) => {
      const seconds = durationSeconds(value);
      if (seconds === undefined || seconds < 60 || seconds > MAX_TOKEN_AGE_CEILING) {
        context.addIssue({ code: 'custom', message: 'must be a duration from 1m to 7d, such as 8h, 90m or 3600s' });
        return z.NEVER;
      }
      return seconds;
    })
    .default(8 * 3600),
  /** Failed authentications from one client address within AUTH_FAILURE_WINDOW_MS before it is answered 429. */
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  AUTH_FAILURE_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /**
   * The proxies in front of the service (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the
   * client; unset, the connection's address is the client, so every client behind one proxy would share its limits.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((value) => value.split(',').map((entry) => entry.trim()))
    .refine((entries) => entries.every(isAddressOrRange), { message: 'must be IP addresses or CIDR ranges, comma-separated' })
    .optional(),
  /** How long a client address that reached AUTH_FAILURE_LIMIT is answered 429 (with Retry-After). */
  AUTH_FAILURE_BLOCK_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  /** Views of one status link, and from one client address, within STATUS_PAGE_WINDOW_SECONDS before the page answers 429 (counted in PostgreSQL, across processes). */
  STATUS_PAGE_VIEWS_PER_LINK: z.coerce.number().int().min(1).max(100_000).default(30),
  STATUS_PAGE_VIEWS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(300),
  STATUS_PAGE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Strict-Transport-Security max-age in seconds, for a service served over TLS (by a proxy in front); 0 sends none. */
  HSTS_MAX_AGE: z.coerce.number().int().min(0).max(63_072_000).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `in-process` runs the projectors inside the API; `off` leaves them to `npm run projections`. */
  PROJECTIONS: z.enum(['in-process', 'off']).default('in-process'),
  /** Projectors wait for appends to wake them; this is how long they wait before reading anyway (a wake-up lost with a connection). */
  PROJECTION_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** How long a query carrying X-Min-Position waits for its read model before answering 202. */
  MIN_POSITION_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(2000),
  /** How often a signed checkpoint of the whole event log is taken (0: never, e.g. when another process takes them). */
  INTEGRITY_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** How many times a command re-reads and re-decides after a concurrent write before giving up. */
  COMMAND_RETRIES: z.coerce.number().int().min(0).max(20).default(10),
  /** How long a request waits for a database connection, new or free in a pool, before answering 503. */
  DATABASE_CONNECT_TIMEOUT_MS: timeoutMs(3000),
  /** PostgreSQL cancels a request's statement that runs longer (a lock held too long), so nothing of it is kept. */
  DATABASE_STATEMENT_TIMEOUT_MS: timeoutMs(5000),
  /** How long a request waits for any answer from PostgreSQL (a server that stopped answering) before answering 503. */
  DATABASE_QUERY_TIMEOUT_MS: timeoutMs(6000),
  /** GOV.UK Notify: the API key (`<name>-<service id>-<secret>`); without one messages wait in the outbox. */
  NOTIFY_API_KEY: z.string().trim().regex(/-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'must be a Notify API key: <name>-<service id>-<secret>').optional(),
  /** Notify's API, e.g. a local stand-in in tests; the production API when unset. */
  NOTIFY_BASE_URL: optionalUrl(['https', 'http']),
  /** The bearer token given to Notify for its delivery receipts; receipts are refused without one. */
  NOTIFY_CALLBACK_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The first wait before a message Notify could not take is tried again; each retry doubles it. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
}).refine((config) => config.DATABASE_QUERY_TIMEOUT_MS > config.DATABASE_STATEMENT_TIMEOUT_MS, {
  // The server cancels a slow statement first, so a 503 from a live server never hides a statement that went on to commit.
  path: ['DATABASE_QUERY_TIMEOUT_MS'],
  message: 'must be longer than DATABASE_STATEMENT_TIMEOUT_MS',
}).superRefine((config, context) => {
  // A secret file kept with the data would travel with every copy of it, which is what the file is for avoiding.
  for (const [file, value] of [['MASTER_KEY_FILE', 'MASTER_KEY'], ['AUTH_JWT_SECRET_FILE', 'AUTH_JWT_SECRET']] as const) {
    const path = config[file];
    if (!path) continue;
    if (config[value]) context.addIssue({ code: 'custom', path: [file], message: `and ${value} are both set: give one` });
    if (isInside(config.DATA_DIR, path)) context.addIssue({ code: 'custom', path: [file], message: 'must be outside DATA_DIR: a copy of the data must not carry its key' });
  }
});

export type AppConfig = z.infer<typeof configSchema>;

export class InvalidConfig extends Error {
  override readonly name = 'InvalidConfig';
}

/** Validates the environment; the error message is one line naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new InvalidConfig(`Invalid configuration: ${problems.join('; ')}`);
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}
