import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance } from 'fastify';
import { createHmac } from 'node:crypto';
import { resolveJwtSecret } from '../auth/jwt-secret.ts';
import type { AppConfig } from '../config/config.schema.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import { ConsoleApi } from './console-api.ts';
import { registerAssets } from './console-assets.ts';
import { ConsolePageError, ConsolePages } from './console-pages.ts';
import { clearSession, CONSOLE_PATH, readSession } from './console-session.ts';
import { createViews } from './console-views.ts';
import { registerAdminPages } from './pages/admin-pages.ts';
import { registerAuditPages } from './pages/audit-pages.ts';
import { registerCasePages } from './pages/case-pages.ts';
import { registerCommandForms } from './pages/command-form-pages.ts';
import { registerListPages } from './pages/list-pages.ts';
import { registerPeoplePages } from './pages/people-pages.ts';
import { registerDevelopmentSignIn } from './sign-in/development-sign-in.ts';
import { openIdConnectConfigured, registerOpenIdConnectSignIn } from './sign-in/openid-connect-sign-in.ts';

export interface ConsoleOptions {
  config: AppConfig;
  settings: SettingsService;
  /** The cookies' signing key is derived from it, so every process of a deployment accepts the same sessions. */
  masterKey: Buffer;
}

/**
 * The case-working console: server-rendered GOV.UK pages under /console, in a Fastify context of its own so
 * its form bodies, cookies and CSRF checks never reach the JSON API, which it calls for every read and command.
 */
export async function registerConsole(root: FastifyInstance, options: ConsoleOptions): Promise<void> {
  const { config } = options;
  const developmentSecret = config.AUTH_JWT_SECRET || config.AUTH_JWKS_URL ? undefined : await resolveJwtSecret(config);
  const cookies = { secure: config.HSTS_MAX_AGE > 0 };
  await root.register(async (console) => {
    await console.register(fastifyCookie, { secret: createHmac('sha256', options.masterKey).update('casework console cookies').digest() });
    await console.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    await console.register(fastifyCsrf, { cookieKey: 'casework_csrf', cookieOpts: { path: CONSOLE_PATH, httpOnly: true, sameSite: 'lax', secure: cookies.secure, signed: true } });
    const pages = new ConsolePages(createViews(), new ConsoleApi(root), options.settings, cookies, {
      development: developmentSecret !== undefined,
      openIdConnect: openIdConnectConfigured(config),
    }, config.CONSOLE_BASE_URL);
    console.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ConsolePageError && error.status === 401) {
        clearSession(reply, cookies);
        return reply.redirect('/console/sign-in', 303);
      }
      if (error instanceof ConsolePageError) return pages.render(request, reply, 'error', { status: error.status, detail: error.message }, error.status);
      if (error.code?.startsWith('FST_CSRF')) return pages.render(request, reply, 'error', { status: 403, detail: 'This form has expired. Go back, reload the page and try again.' }, 403);
      // What the sender got wrong (a body that does not parse, too large, of a type no parser reads) is theirs to mend, not a fault.
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) return pages.render(request, reply, 'error', { status, detail: 'Go back, reload the page and try again.' }, status);
      request.log.error({ err: error }, 'Console page failed');
      return pages.render(request, reply, 'error', { status: 500, detail: 'Sorry, there is a problem with the service. Try again later.' }, 500);
    });
    registerAssets(console);
    console.get(CONSOLE_PATH, async (request, reply) => reply.redirect(readSession(request) ? '/console/home' : '/console/sign-in', 303));
    if (developmentSecret) registerDevelopmentSignIn(console, pages, developmentSecret, config.AUTH_MAX_TOKEN_AGE);
    if (pages.signIn.openIdConnect) registerOpenIdConnectSignIn(console, pages, config);
    registerSignInPage(console, pages);
    registerListPages(console, pages);
    registerCommandForms(console, pages);
    registerCasePages(console, pages);
    registerPeoplePages(console, pages);
    registerAuditPages(console, pages);
    registerAdminPages(console, pages);
  });
}

function registerSignInPage(console: FastifyInstance, pages: ConsolePages): void {
  console.get('/console/sign-in', async (request, reply) => pages.render(request, reply, 'sign-in', { values: {}, errors: undefined }));
  console.post('/console/sign-out', { preHandler: console.csrfProtection }, async (_request, reply) => {
    clearSession(reply, pages.cookies);
    return reply.redirect('/console/sign-in', 303);
  });
}
