import { z } from 'zod';

const optionalUrl = (schemes: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      message: `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    })
    .optional();

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
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, { message: 'must be 32 bytes in base64' })
    .optional(),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWKS_URL: optionalUrl(['https', 'http']),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
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
  COMMAND_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
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
