import type { FastifyReply, FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import type { Role } from '../auth/roles.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import type { ApiAnswer, ConsoleApi } from './console-api.ts';
import { readSession, type ConsoleSession, type SessionCookieOptions } from './console-session.ts';

/** A page that cannot be shown: the console's error handler renders it (401 sends the user to sign in). */
export class ConsolePageError extends Error {
  override readonly name = 'ConsolePageError';

  constructor(
    readonly status: 401 | 403 | 404 | 500,
    message: string,
  ) {
    super(message);
  }
}

interface NavItem {
  href: string;
  text: string;
  roles: readonly Role[];
}

const NAVIGATION: readonly NavItem[] = [
  { href: '/console/caseload', text: 'My caseload', roles: ['case_manager', 'supervisor'] },
  { href: '/console/referrals/unassigned', text: 'Unassigned referrals', roles: ['case_manager', 'supervisor'] },
  { href: '/console/referrals/new', text: 'New referral', roles: ['case_manager', 'supervisor'] },
  { href: '/console/complaints', text: 'Complaints due', roles: ['crt_officer', 'supervisor'] },
  { href: '/console/community-resolutions', text: 'Community Resolutions', roles: ['resolution_officer', 'supervisor'] },
  { href: '/console/audit/access-log', text: 'Access log', roles: ['auditor'] },
  { href: '/console/admin/projections', text: 'Projections', roles: ['admin'] },
  { href: '/console/admin/settings', text: 'Settings', roles: ['admin'] },
  { href: '/console/admin/personal-data', text: 'Personal data', roles: ['admin'] },
  { href: '/console/admin/disposals', text: 'Disposals due', roles: ['admin', 'auditor'] },
];

/** Where each role starts: the first page of the navigation it may use. */
export function homeOf(session: ConsoleSession): string {
  return NAVIGATION.find((item) => item.roles.some((role) => session.roles.includes(role)))!.href;
}

export interface SignInModes {
  /** The development sign-in: only while the service signs its own tokens with its generated secret. */
  development: boolean;
  /** OpenID Connect with the configured identity provider. */
  openIdConnect: boolean;
}

/** What every console route shares: the views, the API, the settings lists and the session. */
export class ConsolePages {
  constructor(
    private readonly views: nunjucks.Environment,
    readonly api: ConsoleApi,
    readonly settings: SettingsService,
    readonly cookies: SessionCookieOptions,
    readonly signIn: SignInModes,
    /** CONSOLE_BASE_URL: the console's address behind a proxy; else the request's own. */
    private readonly baseUrl?: string,
  ) {}

  /** A path of this service as a full address, to pass on or to come back to. */
  absoluteUrl(request: FastifyRequest, path: string): string {
    return new URL(path, this.baseUrl ?? `${request.protocol}://${request.host}`).href;
  }

  /** The signed-in user, or a redirect to sign in. */
  session(request: FastifyRequest): ConsoleSession {
    const session = readSession(request);
    if (!session) throw new ConsolePageError(401, 'Sign in first');
    return session;
  }

  /** A read through the API that the page cannot do without: anything but 200 becomes the console's error page. */
  async read(request: FastifyRequest, session: ConsoleSession, url: string, minPosition?: string): Promise<ApiAnswer> {
    const answer = await this.api.call(request, session, { method: 'GET', url, minPosition });
    if (answer.status !== 200) throw pageErrorOf(answer);
    return answer;
  }

  render(request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200): FastifyReply {
    const session = readSession(request);
    const navigation = session ? NAVIGATION.filter((item) => item.roles.some((role) => session.roles.includes(role))).map(({ href, text }) => ({ href, text, active: request.url.startsWith(href) })) : [];
    const html = this.views.render(`${template}.njk`, { ...data, user: session, navigation, csrfToken: reply.generateCsrf(), signIn: this.signIn });
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  }
}

export function pageErrorOf(answer: ApiAnswer): ConsolePageError {
  const detail = typeof answer.body?.detail === 'string' ? answer.body.detail : 'Something went wrong';
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) return new ConsolePageError(answer.status, detail);
  // A page's address the API refuses (a malformed case id) names no page there is.
  if (answer.status === 400) return new ConsolePageError(404, 'There is no such page');
  return new ConsolePageError(500, detail);
}
