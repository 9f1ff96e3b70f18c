import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccessLogRecorder } from '../audit/access-log/access-log.recorder.ts';
import { createViews } from '../console/console-views.ts';
import { DomainRuleViolation } from '../shared/domain/errors.ts';
import { ProcessingRestricted } from '../personal-data/processing-restriction.ts';
import { STATUS_PAGE_MESSAGE_MAX } from '../shared/domain/status-link.ts';
import { isNonBlankText } from '../shared/domain/storable-text.ts';
import { linkActor, type StatusPageCases } from './status-page-cases.ts';
import type { StatusLinkClaim, StatusLinkTokens } from './status-link-token.ts';
import type { StatusPageThrottle } from './status-page-throttle.ts';

export interface StatusPageOptions {
  tokens: StatusLinkTokens;
  cases: StatusPageCases;
  accessLog: AccessLogRecorder;
  /** Derives the forms' CSRF tokens. */
  masterKey: Buffer;
  /** Views of one link (or from one address) within a window before a pause: a person reloading, not a script. */
  throttle: StatusPageThrottle;
}

/** Why the person's own page is read: the same purposes as their case worker's reads. */
const PURPOSE = { referral: 'victim-support', complaint: 'complaint-handling' } as const;

/**
 * A victim's or complainant's page of their own at /status/{token}: no sign-in, the signed link is the
 * credential. Every view is in the access log under the link; a link no longer live is a plain page saying so.
 */
export async function registerStatusPage(root: FastifyInstance, options: StatusPageOptions): Promise<void> {
  const views = createViews('src/status-page/views');
  const pruning = setInterval(() => options.throttle.forgetPastWindows().catch(() => undefined), options.throttle.limits.windowSeconds * 1000).unref();
  root.addHook('onClose', async () => clearInterval(pruning));
  const csrfKey = createHmac('sha256', options.masterKey).update('casework status page forms').digest();
  const csrfOf = (token: string) => createHmac('sha256', csrfKey).update(token).digest('base64url');

  const render = (reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200) =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(views.render(`${template}.njk`, data));

  /** The live link and its page, or the answer already sent (too many views, or a link that no longer works). */
  async function open(request: FastifyRequest, reply: FastifyReply, token: string) {
    const claim = options.tokens.verify(token, new Date());
    const retryAfterSeconds = await options.throttle.count(request.ip, claim?.linkId);
    if (retryAfterSeconds > 0) {
      render(reply.header('retry-after', String(retryAfterSeconds)), 'too-many-requests', { minutes: Math.ceil(retryAfterSeconds / 60) }, 429);
      return undefined;
    }
    const found = claim && (await options.cases.pageOf(claim, new Date()));
    if (!claim || !found) {
      render(reply, 'link-gone', {}, 404);
      return undefined;
    }
    return { claim, ...found };
  }

  async function show(request: FastifyRequest, reply: FastifyReply, token: string, claim: StatusLinkClaim, page: object, form: Record<string, unknown>, status = 200) {
    await options.accessLog.record('CaseAccessed', request, { ...linkActor(claim.linkId), name: undefined, roles: [], teams: [] }, [claim.caseId], PURPOSE[claim.kind]);
    return render(reply, 'status', { page, action: `/status/${token}/message`, csrfToken: csrfOf(token), maxLength: STATUS_PAGE_MESSAGE_MAX, ...form }, status);
  }

  await root.register(async (status) => {
    await status.register(fastifyFormbody, { bodyLimit: 16 * 1024 });
    status.get('/status/:token', async (request, reply) => {
      const { token } = request.params as { token: string };
      const opened = await open(request, reply, token);
      if (!opened) return reply;
      return show(request, reply, token, opened.claim, opened.page, { sent: (request.query as { sent?: string }).sent === '1' });
    });
    status.post('/status/:token/message', async (request, reply) => {
      const { token } = request.params as { token: string };
      const opened = await open(request, reply, token);
      if (!opened) return reply;
      const body = (request.body ?? {}) as { message?: unknown; _csrf?: unknown };
      if (typeof body._csrf !== 'string' || !sameText(body._csrf, csrfOf(token))) return render(reply, 'form-expired', { href: `/status/${token}` }, 403);
      const message = typeof body.message === 'string' ? body.message.trim() : '';
      const error = messageError(message);
      if (error) return show(request, reply, token, opened.claim, opened.page, { message, error }, 400);
      try {
        await options.cases.sendMessage(opened.claim, opened.link, message, request.correlationId);
      } catch (failure) {
        if (failure instanceof DomainRuleViolation) return render(reply, 'link-gone', {}, 404);
        if (failure instanceof ProcessingRestricted) return show(request, reply, token, opened.claim, opened.page, { message, error: RESTRICTED_MESSAGE }, 409);
        throw failure;
      }
      return reply.redirect(`/status/${token}?sent=1`, 303);
    });
  });
}

/** Line breaks and tabs are what a person types; other control characters come from a script or a corrupted paste (a NUL never gets here, see hostile-input.ts). */
const CONTROL_CHARACTER = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function messageError(message: string): string | undefined {
  if (!isNonBlankText(message)) return 'Enter your message';
  if (message.length > STATUS_PAGE_MESSAGE_MAX) return `Your message must be ${STATUS_PAGE_MESSAGE_MAX} characters or fewer`;
  if (CONTROL_CHARACTER.test(message)) return 'Your message must not contain control characters';
  return undefined;
}

/** Art. 18: the case takes no new processing, the victim's own message included, until the restriction is lifted. */
const RESTRICTED_MESSAGE = 'We cannot take messages on this case at the moment. Please contact your case manager directly';

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
