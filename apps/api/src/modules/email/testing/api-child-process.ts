import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../../..');

export interface ApiChildProcess {
  baseUrl: string;
  /** SIGKILL: no shutdown hooks, no closing of connections; what a crash or an OOM kill looks like. */
  kill(): Promise<void>;
}

/** Starts the API from source in its own process (ts-node, transpile only). */
export async function startApiChildProcess(
  databaseUrl: string,
  timeoutMs = 90_000,
): Promise<ApiChildProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'api-child.runner.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CHILD_DATABASE_URL: databaseUrl,
        TS_NODE_PROJECT: join(ROOT, 'apps/api/tsconfig.json'),
        TS_NODE_BASEURL: ROOT,
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API child did not start: ${output}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API child exited with ${code}: ${output}`));
    });
  });
  return {
    baseUrl,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
