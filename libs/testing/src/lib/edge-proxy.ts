import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** scripts/lib/edge-proxy.mjs: docker/nginx.conf run in front of local API processes. */
const SCRIPT = resolve(__dirname, '../../../../scripts/lib/edge-proxy.mjs');
export const NGINX_BINARY = '/usr/sbin/nginx';

export interface EdgeProxy {
  /** http://127.0.0.1:port of the proxy. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The production reverse proxy (docker/nginx.conf, the file itself) in front of `upstreams`
 * ("127.0.0.1:port" each), with `ingestLimit` webhooks in flight at most when given. Started
 * through the script the benches use, so tests and benches run the same configuration.
 */
export async function startEdgeProxy(opts: {
  upstreams: string[];
  ingestLimit?: number;
}): Promise<EdgeProxy> {
  if (!existsSync(NGINX_BINARY))
    throw new Error(`${NGINX_BINARY} is missing (npm test installs it)`);
  const args = [SCRIPT, ...opts.upstreams];
  if (opts.ingestLimit !== undefined) args.push('--ingest-limit', String(opts.ingestLimit));
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const line = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout }).once('line', done);
    void exited.then(() => fail(new Error(`edge proxy exited before listening: ${stderr}`)));
  });
  const { base } = JSON.parse(line) as { base: string };
  return {
    baseUrl: base,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
