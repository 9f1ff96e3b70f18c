import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { mintToken } from '../../auth/mint-token.ts';
import { ROLES, type Role } from '../../auth/roles.ts';
import type { FieldError } from '../../http/problem.ts';
import type { ConsolePages } from '../console-pages.ts';
import { writeSession } from '../console-session.ts';
import { formErrors } from '../forms/command-form.ts';

const USER_ID = /^[^\p{Cc}]{1,200}$/u;
const FIELDS = [
  { name: 'name', label: 'Your user id', kind: 'text' as const },
  { name: 'role', label: 'Your role', kind: 'radios' as const },
];

/**
 * Anyone may be anyone here: it exists only while the service signs its own tokens with the secret it
 * generated (no identity provider, no AUTH_JWT_SECRET), and the page says so.
 */
export function registerDevelopmentSignIn(console: FastifyInstance, pages: ConsolePages, secret: string, lifetimeSeconds: number): void {
  console.post('/console/sign-in', { preHandler: console.csrfProtection }, async (request, reply) => {
    const values = request.body as { name?: string; role?: string };
    const name = values.name?.trim() ?? '';
    const errors: FieldError[] = [];
    if (!USER_ID.test(name)) errors.push({ field: 'name', message: 'Enter your user id (at most 200 characters)' });
    if (!ROLES.includes(values.role as Role)) errors.push({ field: 'role', message: 'Select your role' });
    if (errors.length > 0) return pages.render(request, reply, 'sign-in', { values, errors: formErrors(FIELDS, errors) }, 400);
    // No longer than AUTH_MAX_TOKEN_AGE, or the API would refuse the session's own token.
    const token = await mintToken(secret, { sub: name, roles: [values.role as Role] }, `${Math.min(lifetimeSeconds, 8 * 3600)}s`);
    writeSession(reply, { sub: name, roles: [values.role as Role], token, expiresAt: decodeJwt(token).exp! }, pages.cookies);
    return reply.redirect('/console/home', 303);
  });
}
