import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { ContactInTheFuture, receiveReferral, recordContact, ReferralNotFound, type ReceiveReferral, type RecordContact } from './emmett-referrals.ts';

/**
 * The bench's peer over HTTP: the same two commands as Casework's mix, on Fastify with Emmett's PostgreSQL event
 * store, an HS256 bearer token verified with jose and bodies validated by JSON schema. Started by the http suite
 * with DATABASE_URL, AUTH_JWT_SECRET and PORT; nothing else (no encryption, hash chain, idempotency, access log or
 * projections: the README's benchmark section says what each side does).
 */
const secret = new TextEncoder().encode(required('AUTH_JWT_SECRET'));
const WRITERS = new Set(['case_manager', 'supervisor']);

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const receiveReferralSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'crimeType', 'victim', 'consent'],
  properties: {
    source: { enum: ['police', 'self', 'partner'] },
    crimeType: text(50),
    victim: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: text(200), phone: text(40), email: { type: 'string', format: 'email' }, address: text(500) },
    },
    consent: {
      type: 'object',
      additionalProperties: false,
      required: ['contact', 'dataSharing', 'basis'],
      properties: { contact: { type: 'boolean' }, dataSharing: { type: 'boolean' }, basis: { enum: ['explicit', 'implied'] } },
    },
  },
};
const recordContactSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'channel', 'at'],
  properties: {
    outcome: { enum: ['made', 'failed'] },
    channel: { enum: ['phone', 'sms', 'email', 'letter', 'in-person'] },
    at: { type: 'string', format: 'date-time' },
    note: { type: 'string', maxLength: 2000 },
  },
};

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: required('DATABASE_URL'), max: 20 });
  const store = getPostgreSQLEventStore(required('DATABASE_URL'), { connectionOptions: { pool } });
  await store.schema.migrate();
  const app = Fastify({ logger: false });
  app.get('/api/health/live', async () => ({ status: 'ok' }));
  app.post<{ Body: ReceiveReferral }>('/api/referrals', { schema: { body: receiveReferralSchema }, preHandler: authorise }, async (request, reply) => {
    const id = await receiveReferral(store, request.body);
    return reply.status(201).header('location', `/api/referrals/${id}`).send({ id });
  });
  app.post<{ Params: { id: string }; Body: RecordContact }>(
    '/api/referrals/:id/contacts',
    { schema: { body: recordContactSchema, params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } }, preHandler: authorise },
    async (request, reply) => {
      try {
        return { revision: Number(await recordContact(store, request.params.id, request.body)) };
      } catch (error) {
        if (error instanceof ReferralNotFound) return reply.status(404).send({ title: 'No such referral' });
        if (error instanceof ContactInTheFuture) return reply.status(409).send({ title: 'A contact cannot be in the future' });
        throw error;
      }
    },
  );
  await app.listen({ port: Number(required('PORT')), host: '127.0.0.1' });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void app.close().then(() => store.close()).then(() => pool.end()).then(() => process.exit(0)));
  }
}

async function authorise(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const claims = token === undefined ? undefined : await jwtVerify(token, secret, { algorithms: ['HS256'] }).then(({ payload }) => payload, () => undefined);
  if (claims === undefined || typeof claims.sub !== 'string') return void reply.status(401).send({ title: 'Unauthorized' });
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (!roles.some((role) => WRITERS.has(String(role)))) return void reply.status(403).send({ title: 'Forbidden' });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
