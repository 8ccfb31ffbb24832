import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { sharedApiBundle } from '../../testing/shared-api-bundle';

// The API bundle (shared with other suites) may have to be built first.
jest.setTimeout(240_000);

/**
 * A free port below the ephemeral range: the servers other tests start on port 0 are given
 * ephemeral ports, and one could take ours while this process is still starting.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/**
 * A generated admin password is shown exactly once, in the start banner on the terminal, and never
 * written into the structured log (which ends up in log stores, tickets and screenshots).
 */
describe('first start', () => {
  let db: TestDatabase;
  let child: ChildProcess | null = null;

  let bundleDir: string;

  beforeAll(async () => {
    [db, bundleDir] = await Promise.all([createTestDatabase(), sharedApiBundle()]);
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
  });

  it('prints the generated password once on stdout, never in a log line', async () => {
    const port = await freePort();
    // The production bundle, as `node dist/apps/api/main.js` runs it.
    child = spawn(process.execPath, [join(bundleDir, 'main.js')], {
      cwd: bundleDir,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        APP_SECRET: 'first-start-test-secret-that-is-long-enough-0123',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        // Everything the server logs, as JSON lines, on the same stdout as the banner.
        LOG_LEVEL: 'trace',
        LOG_FORMAT: 'json',
        SEED_DEMO: 'false',
        ADMIN_EMAIL: 'owner@first.test',
        ADMIN_PASSWORD: '',
        QUEUE_ENABLED: 'false',
        INBOX_DIST_DIR: '',
        WIDGET_DIST_DIR: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const banner = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No banner:\n${stdout}\n${stderr}`)),
        120_000,
      );
      const check = () => {
        const match = /Sign in: +owner@first\.test \/ (\S+)\n/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        }
      };
      child!.stdout!.on('data', check);
      child!.once('exit', (code) => reject(new Error(`exited ${code}:\n${stdout}\n${stderr}`)));
    });
    const password = banner[1]!;
    expect(password).toMatch(/^[\w-]{16}$/);

    // The password works, and signing in with it leaves no trace of it either.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@first.test', password }),
    });
    expect(login.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));

    const output = stdout + stderr;
    expect(output.split(password)).toHaveLength(2);
    const logLines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.some((line) => /First start: created admin owner@first\.test/.test(line))).toBe(
      true,
    );
    expect(logLines.filter((line) => line.includes(password))).toEqual([]);
  });
});
