import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export const TEST_ADMIN = { email: 'admin@test.local', password: 'test-password-123' } as const;

/**
 * argon2id at its lowest cost for the test suite's APIs: at production cost each of its hundreds
 * of sign-ins spends about 0.4 s of both cores. Tests of the hashing's load shedding set it back.
 */
export const TEST_PASSWORD_HASH_COST = {
  PASSWORD_HASH_MEMORY_KIB: '1024',
  PASSWORD_HASH_TIME_COST: '1',
  PASSWORD_HASH_PARALLELISM: '1',
} as const;

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
    // Replies leave at once unless a test turns Undo send on for its operator.
    UNDO_SEND_DEFAULT_SECONDS: '0',
    STORAGE_DIR: storageDir,
    SHUTDOWN_TIMEOUT_MS: '2000',
    // Test peers (SMTP, IMAP, outbound receivers) listen on 127.0.0.1.
    ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
    ...TEST_PASSWORD_HASH_COST,
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
      await closeWithin(app, CLOSE_BUDGET_MS);
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** Far above a normal close (well under a second); a suite's hook timeout is several minutes. */
const CLOSE_BUDGET_MS = 30_000;

/**
 * Closes the app, but a shutdown hook still waiting after `budgetMs` is reported (with what keeps
 * the process busy) instead of holding the suite's teardown until its hook timeout: the database
 * is dropped WITH (FORCE) next, which ends whatever the hook was waiting on.
 */
async function closeWithin(app: INestApplication, budgetMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  const outcome = await Promise.race([app.close().then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    const busy = process.getActiveResourcesInfo().join(', ');
    process.stderr.write(
      `startTestApi: app.close() still running after ${budgetMs} ms; active resources: ${busy}\n`,
    );
  }
}
