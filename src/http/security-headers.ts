import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** What even a request Fastify refuses before routing (so before helmet's hook) is answered with. */
export const HEADERS_BEFORE_ROUTING = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export interface SecurityHeadersOptions {
  /** Strict-Transport-Security's max-age in seconds; 0 (plain HTTP, no TLS in front) sends none. */
  hstsMaxAge: number;
}

/**
 * The usual hardening headers on every response, through @fastify/helmet. Responses carry personal data,
 * so none may be kept by a browser or a shared cache. The one policy also lets the docs UI run: its scripts
 * and stylesheets are files of our own, its styles partly inline, its icons data URIs.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, options: SecurityHeadersOptions): Promise<void> {
  const tls = options.hstsMaxAge > 0;
  await app.register(fastifyHelmet, {
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
  app.getHttpAdapter().getInstance().addHook('onRequest', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
}
