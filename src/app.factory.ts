import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule, type AppRuntime } from './app.module.ts';
import { migrateDatabase } from './database/data-source.ts';
import { provideRuntimeRole } from './database/runtime-role.ts';
import { answerClientError, answerFrameworkError } from './http/framework-errors.ts';
import { ProblemDetailsFilter } from './http/problem-details.filter.ts';
import { acceptJsonBodiesOnly } from './http/json-bodies.ts';
import { refuseHostileRequests } from './http/hostile-input.ts';
import { registerCorrelationId } from './http/request-context.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerConsole } from './console/console.plugin.ts';
import { registerStatusPage } from './status-page/status-page.plugin.ts';
import { StatusPageThrottle } from './status-page/status-page-throttle.ts';
import { StatusPageCases } from './status-page/status-page-cases.ts';
import { StatusLinkTokens } from './status-page/status-link-token.ts';
import { EVENT_STORE } from './event-store/event-store.port.ts';
import { EventCatalog } from './event-store/event-catalog.ts';
import { AccessLogRecorder } from './audit/access-log/access-log.recorder.ts';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { resolveMasterKey } from './personal-data/master-key.ts';
import { createValidationPipe } from './http/validation.ts';
import { SettingsService } from './settings/settings.service.ts';

export interface CreateAppOptions extends Omit<AppRuntime, 'databaseUrls'> {
  /** The schema owner's connection: DATABASE_URL, or the embedded server's superuser. */
  databaseUrl: string;
  /** `false` silences the logs; otherwise they are JSON lines at LOG_LEVEL. */
  logger?: false;
  /** The browsable docs' static assets; the JSON document is always served. */
  docsUi?: boolean;
}

/**
 * The whole HTTP service, migrated and initialised but not yet listening: main.ts listens,
 * end-to-end tests inject requests or listen on a free port.
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  await migrateDatabase(options.databaseUrl);
  const masterKey = await resolveMasterKey(options.config);
  const runtime = await provideRuntimeRole(options.databaseUrl, masterKey);
  // Fastify: on this 2-core machine a bare NestJS route serves ~6x the requests/s of the Express adapter.
  const adapter = new FastifyAdapter({
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    trustProxy: options.config.TRUST_PROXY ?? false,
  });
  registerCorrelationId(adapter.getInstance());
  acceptJsonBodiesOnly(adapter.getInstance());
  refuseHostileRequests(adapter.getInstance());
  const config = options.logger === false ? { ...options.config, LOG_LEVEL: 'silent' as const } : options.config;
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ ...options, config, databaseUrls: { owner: options.databaseUrl, runtime: runtime.url } }), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  if (runtime.role === undefined) {
    new NestLogger('Database').warn(`Requests run as the owner role, which may not create the least-privileged one (${runtime.reason}): see the README's "Database roles"`);
  }
  registerSecurityHeaders(app, { hstsMaxAge: options.config.HSTS_MAX_AGE });
  await registerConsole(app.getHttpAdapter().getInstance(), { config: options.config, settings: app.get(SettingsService), masterKey });
  await registerStatusPage(app.getHttpAdapter().getInstance(), {
    tokens: app.get(StatusLinkTokens),
    cases: new StatusPageCases(app.get(EVENT_STORE), app.get(EventCatalog), app.get(SettingsService), app.get(CommandBus)),
    accessLog: app.get(AccessLogRecorder),
    masterKey,
    throttle: new StatusPageThrottle(app.get(DataSource), {
      viewsPerLink: options.config.STATUS_PAGE_VIEWS_PER_LINK,
      viewsPerAddress: options.config.STATUS_PAGE_VIEWS_PER_ADDRESS,
      windowSeconds: options.config.STATUS_PAGE_WINDOW_SECONDS,
    }),
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setUpOpenApi(app, options.docsUi ?? true);
  await app.init();
  return app;
}

function setUpOpenApi(app: NestFastifyApplication, ui: boolean): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Casework')
      .setDescription('Event-sourced case management for the office of a Police and Crime Commissioner')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', ui });
}
