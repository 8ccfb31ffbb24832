import 'reflect-metadata';
import { resolve } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/config.schema';
import { runMigrations } from './core/database/run-migrations';
import { AdmissionControl } from './core/http/admission/admission-control';
import {
  ingestAdmission,
  ingestAdmissionLimits,
} from './core/http/admission/ingest-admission.middleware';
import { ApiExceptionFilter } from './core/http/api-exception.filter';
import { buildOpenApi } from './core/http/openapi/build-openapi';
import { spaContentSecurityPolicy } from './core/http/spa-content-security-policy';
import {
  precompressedStatic,
  sendSiteFile,
  type StaticSiteOptions,
} from './core/http/static/precompressed-static';

/** Builds the whole application (migrations first). Shared by `main.ts`, tests and benchmarks. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  await runMigrations(config.DATABASE_URL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    rawBody: true,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // The public help centre's pages live at /help and the customer portal's at /portal, beside
  // the API, not under it.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'help', method: RequestMethod.ALL },
      { path: 'help/*path', method: RequestMethod.ALL },
      { path: 'portal/*path', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalFilters(new ApiExceptionFilter());
  // Before the body parsers: an ingest refused for overload costs no parsing at all.
  app.use(ingestAdmission(new AdmissionControl(ingestAdmissionLimits(config))));
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { limit: '2mb', extended: false });
  app.use(
    helmet({
      // The SPA and Swagger UI need their own CSP; the widget's assets are embedded cross-origin.
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback, uniquelocal');

  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  if (config.WIDGET_DIST_DIR) serveStatic(app, '/widget', config.WIDGET_DIST_DIR, false);
  // The SPA's pages get its strict CSP (read per response: tests learn PUBLIC_URL after listen).
  if (config.INBOX_DIST_DIR)
    serveStatic(app, '/', config.INBOX_DIST_DIR, true, () =>
      spaContentSecurityPolicy(config.PUBLIC_URL),
    );
  return app;
}

/**
 * Serves a built site, each file as the precompressed variant the client accepts (see
 * core/http/static); with `spaFallback`, unknown non-API paths get index.html (client routing).
 * `htmlPolicy` is the Content-Security-Policy of its HTML pages.
 */
function serveStatic(
  app: NestExpressApplication,
  mount: string,
  dir: string,
  spaFallback: boolean,
  htmlPolicy?: () => string,
): void {
  const site: StaticSiteOptions = {
    root: resolve(dir),
    onHtml: (res: Response) => {
      if (htmlPolicy) res.setHeader('Content-Security-Policy', htmlPolicy());
    },
  };
  const notApp = (path: string) => /^\/(api|socket\.io|widget|help|portal)(\/|$)/.test(path);
  app.use(mount, precompressedStatic({ ...site, skip: spaFallback ? notApp : undefined }));
  if (!spaFallback) return;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApp = req.method === 'GET' && !notApp(req.path);
    if (isApp && req.accepts('html'))
      return void sendSiteFile(req, res, next, site, 'index.html').catch(next);
    next();
  });
}
