import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export const TEST_ADMIN = { email: 'admin@test.local', password: 'test-password-123' } as const;

export interface TestApi {
  baseUrl: string;
  app: INestApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface StartTestApiOptions {
  databaseUrl: string;
  env?: Record<string, string>;
}

interface ApiModules {
  loadConfig(env: Record<string, string>): { PUBLIC_URL: string };
  createApp(config: unknown): Promise<INestApplication>;
}

/**
 * Libraries may not import applications (module boundaries), so the API is loaded by path at run
 * time, in this process: the real app, real database, real sockets, on 127.0.0.1 and a free port.
 */
function loadApi(): ApiModules {
  const root = join(__dirname, '../../../../apps/api/src');
  const { loadConfig } = require(join(root, 'core/config/config.schema')) as Pick<
    ApiModules,
    'loadConfig'
  >;
  const { createApp } = require(join(root, 'create-app')) as Pick<ApiModules, 'createApp'>;
  return { loadConfig, createApp };
}

export async function startTestApi(opts: StartTestApiOptions): Promise<TestApi> {
  const { loadConfig, createApp } = loadApi();
  const storageDir = mkdtempSync(join(tmpdir(), 'sb-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: opts.databaseUrl,
    APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'error',
    LOG_FORMAT: 'json',
    SEED_DEMO: 'false',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    SNOOZE_POLL_MS: '200',
    STORAGE_DIR: storageDir,
    SHUTDOWN_TIMEOUT_MS: '2000',
    // Test peers (SMTP, IMAP, outbound receivers) listen on 127.0.0.1.
    ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
    ...opts.env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // The port is known only now; the config object is the one the app injected.
  if (!opts.env?.['PUBLIC_URL']) config.PUBLIC_URL = baseUrl;
  const { DataSource: DataSourceClass } = await import('typeorm');
  return {
    baseUrl,
    app,
    dataSource: app.get(DataSourceClass),
    async close() {
      await app.close();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
