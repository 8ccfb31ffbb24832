import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_ADMIN, TEST_PASSWORD_HASH_COST } from '@switchboard/testing';

const ROOT = join(__dirname, '../../../..');

/**
 * Builds the API bundle (main.js and its worker, as `nx build api` emits them, without the type
 * check) into a scratch folder inside the workspace, so that node_modules resolves as for dist/.
 */
export async function buildApiBundle(outDir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [join(__dirname, 'build-api-bundle.cjs'), outDir], {
    cwd: ROOT,
    timeout: 300_000,
  });
}

/** A free TCP port on 127.0.0.1, so every restart of the API listens at the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The bundled API (`node main.js`) as a production process: started, SIGKILLed at any moment and
 * started again on the same port and database, like a server that crashes and is restarted by its
 * supervisor. Starts in a second or two, where a ts-node child needs many.
 */
export class BundledApi {
  readonly baseUrl: string;
  private child: ChildProcess | null = null;
  private output = '';
  private readonly storageDir = mkdtempSync(join(tmpdir(), 'sb-bundled-files-'));
  /** How many times a process was started (the first start included). */
  starts = 0;

  constructor(
    private readonly opts: {
      bundleDir: string;
      databaseUrl: string;
      port: number;
      env?: Record<string, string>;
    },
  ) {
    this.baseUrl = `http://127.0.0.1:${opts.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts a process and resolves once it answers /api/health. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.running) throw new Error('the API is already running');
    this.output = '';
    const child = spawn(process.execPath, [join(this.opts.bundleDir, 'main.js')], {
      cwd: this.opts.bundleDir,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.opts.port),
        DATABASE_URL: this.opts.databaseUrl,
        APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'error',
        LOG_FORMAT: 'json',
        SEED_DEMO: 'false',
        ADMIN_EMAIL: TEST_ADMIN.email,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        STORAGE_DIR: this.storageDir,
        ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
        ...TEST_PASSWORD_HASH_COST,
        ...this.opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running)
        throw new Error(`the API exited (${child.exitCode ?? child.signalCode}): ${this.output}`);
      const res = await fetch(`${this.baseUrl}/api/health`).catch(() => null);
      if (res?.ok) return;
      if (Date.now() > deadline) throw new Error(`the API did not start: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hooks, no closing of connections; what a crash or an OOM kill looks like. */
  kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** What the last process printed (its errors, with LOG_LEVEL=error). */
  get lastOutput(): string {
    return this.output;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.storageDir, { recursive: true, force: true });
  }
}
