// Runs docker/nginx.conf, the production reverse proxy, in front of local API processes: the same
// locations, limits and refusal, with only the replicas' addresses, the listen address and (when
// asked) the ingest limit replaced. Used by its integration test and `npm run bench -- overload`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './embedded-postgres.mjs';

export const NGINX = '/usr/sbin/nginx';
const root = new URL('../..', import.meta.url).pathname;

/**
 * docker/nginx.conf with `upstreams` ("127.0.0.1:port" each) as the replicas of every upstream
 * block, listening on 127.0.0.1:`port`; `ingestLimit` replaces the in-flight limit of the ingest
 * routes (the file's is for its two replicas).
 */
export function edgeConfig({ upstreams, port, ingestLimit }) {
  let conf = readFileSync(join(root, 'docker/nginx.conf'), 'utf8');
  const replica = /^(\s*)server api-1:3000[^;]*;\n(?:\s*server api-\d+:3000[^;]*;\n)*/gm;
  if (!replica.test(conf)) throw new Error('docker/nginx.conf: no `server api-1:3000` line');
  conf = conf.replace(replica, (_, indent) =>
    upstreams.map((u) => `${indent}server ${u} max_fails=3 fail_timeout=10s;\n`).join(''),
  );
  if (!/^\s*listen 80;$/m.test(conf)) throw new Error('docker/nginx.conf: no `listen 80;`');
  conf = conf.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
  if (ingestLimit !== undefined) {
    if (!/limit_conn ingest \d+;/.test(conf))
      throw new Error('docker/nginx.conf: no `limit_conn ingest`');
    conf = conf.replace(/limit_conn ingest \d+;/, `limit_conn ingest ${ingestLimit};`);
  }
  return conf;
}

/** The proxy's worker_priority as docker/compose.yaml starts it (`nginx -g '…'`). */
export function edgeWorkerPriority() {
  const compose = readFileSync(join(root, 'docker/compose.yaml'), 'utf8');
  const found = /worker_priority (-?\d+);/.exec(compose);
  if (!found) throw new Error('docker/compose.yaml: no worker_priority for the proxy');
  return Number(found[1]);
}

/**
 * Starts nginx (one worker, as the bench's machine has two cores for everything) with
 * edgeConfig; resolves once it accepts connections. `stop()` ends it and removes its files.
 * `timingLog`: a file that gets "status request_time upstream_response_time" for every request.
 */
export async function startEdgeProxy({ upstreams, ingestLimit, timingLog }) {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sb-edge-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'switchboard.conf'), edgeConfig({ upstreams, port, ingestLimit }));
  writeFileSync(
    join(dir, 'nginx.conf'),
    // As root, the worker's priority is the deployment's; otherwise nginx may not raise it.
    `${process.getuid?.() === 0 ? `user root;\nworker_priority ${edgeWorkerPriority()};\n` : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  ${
    timingLog
      ? `log_format timing '$status $request_time $upstream_response_time';
  access_log ${timingLog} timing buffer=256k flush=1s;`
      : 'access_log off;'
  }
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/switchboard.conf;
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', `${dir}/error.log`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log')) : '';
      await stop();
      throw new Error(`nginx exited (${child.exitCode}): ${stderr}${log}`);
    }
    const up = await new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (i === 200) {
      await stop();
      throw new Error(`nginx did not listen on ${port} within 10 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base: `http://127.0.0.1:${port}`, port, stop };
}

// As a program, for tests in other languages' runners (jest's CommonJS cannot import this file):
// `node scripts/lib/edge-proxy.mjs [--ingest-limit N] host:port...` prints {"base","port"} as one
// JSON line once nginx listens, and stops it on SIGTERM, SIGINT or a closed stdin.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--ingest-limit');
  const ingestLimit = at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
  const edge = await startEdgeProxy({ upstreams: args, ingestLimit });
  const stop = () => edge.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.on('end', stop).resume();
  console.log(JSON.stringify({ base: edge.base, port: edge.port }));
}
