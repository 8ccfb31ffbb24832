// One production API on a database of its own, for the benchmarks that drive a real server
// (rules, reports): builds it unless BENCH_SKIP_BUILD, starts an embedded PostgreSQL when
// DATABASE_URL is unset, creates a fresh database, waits for health and signs the admin in.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { startEmbeddedPostgres, freePort } from '../lib/embedded-postgres.mjs';
import { run } from '../lib/run.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nodeArgs = () => (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * `name` keeps each bench's database and files apart. Returns the API's base URL, auth headers, a
 * connected `pg` client on its database, and `stop({ dropDatabase })` that ends it all.
 */
export async function startBenchApi(name, { database } = {}) {
  if (
    !process.env.BENCH_SKIP_BUILD &&
    (await run('npx', ['nx', 'build', 'api', '--outputStyle=static'])) !== 0
  )
    process.exit(1);
  let embedded = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: `/tmp/sb-bench-${name}-${process.pid}`,
      persistent: false,
    });
    process.env.DATABASE_URL = embedded.url;
  }
  const serverUrl = process.env.DATABASE_URL;
  const stamp = Date.now();
  // A database kept by an earlier run (`database`) is reused as it is, and never dropped.
  const dbName = database ?? `sb_bench_${name}_${stamp}`;
  const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();
  if (!database) {
    const adminPg = new pg.Client({ connectionString: serverUrl });
    await adminPg.connect();
    await adminPg.query(`CREATE DATABASE ${dbName}`);
    await adminPg.end();
  }

  const port = await freePort();
  const spawnApi = () =>
    // BENCH_API_NODE_ARGS: flags for the API's node (a CPU profile: `--cpu-prof --cpu-prof-dir=…`).
    spawn(process.execPath, [...nodeArgs(), 'dist/apps/api/main.js'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        ADMIN_EMAIL: 'bench@switchboard.local',
        ADMIN_PASSWORD: 'bench-password-1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        STORAGE_DIR: `/tmp/sb-bench-${name}-files-${stamp}`,
      },
    });
  let api = spawnApi();
  const base = `http://127.0.0.1:${port}`;
  const db = new pg.Client({ connectionString: dbUrl });
  const stop = async ({ dropDatabase = false } = {}) => {
    await db.end().catch(() => undefined);
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    if (embedded) return embedded.stop();
    if (!dropDatabase || database) return;
    const drop = new pg.Client({ connectionString: serverUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${dbName}`).catch(() => undefined);
    await drop.end();
  };
  const healthy = async () => {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      // Minutes, not seconds: a reused database may have migrations to run over millions of rows.
      if (i > 6000) throw new Error('the API never became healthy');
      await sleep(100);
    }
  };
  /** A new API process on the same database and port (it runs any pending migration first). */
  const restart = async () => {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    api = spawnApi();
    await healthy();
  };
  try {
    await healthy();
    await db.connect();
    const login = await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@switchboard.local', password: 'bench-password-1' }),
      })
    ).json();
    const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    return {
      base,
      auth,
      db,
      stamp,
      dbName,
      embedded: Boolean(embedded),
      stop,
      restart,
      /** The API process's id (for its RSS in /proc); a restart changes it. */
      get pid() {
        return api.pid;
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
