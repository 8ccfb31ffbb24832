// Runs the real API in a child process for tests that must kill it without a graceful shutdown
// (started by api-child-process.ts through ts-node; prints READY <baseUrl> when listening).
import { startTestApi } from '@switchboard/testing';

async function main(): Promise<void> {
  const databaseUrl = process.env['CHILD_DATABASE_URL'];
  if (!databaseUrl) throw new Error('CHILD_DATABASE_URL is required');
  const api = await startTestApi({ databaseUrl });
  process.stdout.write(`READY ${api.baseUrl}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
