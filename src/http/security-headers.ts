import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What even a request Fastify refuses before routing (so before the hook below) is answered with. */
export const HEADERS_BEFORE_ROUTING = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export interface SecurityHeadersOptions {
  /** Strict-Transport-Security's max-age in seconds; 0 (plain HTTP, no TLS in front) sends none. */
  hstsMaxAge: number;
}

/**
 * The usual hardening headers on every response, as helmet sets them. Responses carry personal data, so none
 * may be kept by a browser or a shared cache. The one policy also lets the docs UI run: its scripts and
 * stylesheets are files of our own, its styles partly inline, its icons data URIs.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, options: SecurityHeadersOptions): void {
  const headers = { ...securityHeaders(options), 'cache-control': 'no-store' };
  app.getHttpAdapter().getInstance().addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/**
 * Helmet's headers for this policy, worked out once: they depend on nothing in the request (no nonces), and
 * @fastify/helmet built the middleware anew for every request, about a twentieth of a command's CPU.
 */
export function securityHeaders(options: SecurityHeadersOptions): Record<string, string> {
  const tls = options.hstsMaxAge > 0;
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP this would send the docs' own assets to an https:// that does not answer.
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: tls ? { maxAge: options.hstsMaxAge, includeSubDomains: true } : false,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
