import {
  createTestDatabase,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { Client } from 'pg';
import { QueueService } from './queue.service';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function jobStates(url: string, queue: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>(
      'SELECT state FROM pgboss.job WHERE name = $1 ORDER BY created_on',
      [queue],
    );
    return rows.map((r) => r.state);
  } finally {
    await client.end();
  }
}

/** The job queue on the real pg-boss and PostgreSQL. */
describe('queue', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('drains a backlog one job after another without waiting out the polling interval between them', async () => {
    const queue = api.app.get(QueueService);
    await queue.define({ name: 'drain-test', retryLimit: 0, retryDelay: 1, expireInSeconds: 30 });
    const done: number[] = [];
    await queue.work<{ n: number }>('drain-test', async (job) => {
      done.push(job.data.n);
    });
    const jobs = 40;
    // Enqueued without a nudge, as jobs another instance or a restart left behind.
    await api.dataSource.transaction(async (em) => {
      for (let n = 0; n < jobs; n++) await queue.sendInTransaction(em, 'drain-test', { n });
    });
    const started = Date.now();
    while (done.length < jobs && Date.now() - started < 30_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = Date.now() - started;
    expect(done.sort((a, b) => a - b)).toEqual([...Array(jobs).keys()]);
    // Polling every 0.5 s between jobs would take 20 s; draining takes well under a second each
    // poll plus the jobs themselves. A third of the polling time leaves room for a busy machine.
    expect(elapsed).toBeLessThan((jobs * 500) / 3);
  });

  it('retries a failing job up to its limit and fails one that outlives its expiry', async () => {
    const queue = api.app.get(QueueService);
    await queue.define({ name: 'flaky-test', retryLimit: 2, retryDelay: 1, expireInSeconds: 30 });
    await queue.define({ name: 'slow-test', retryLimit: 0, retryDelay: 1, expireInSeconds: 1 });
    let attempts = 0;
    await queue.work<{ n: number }>('flaky-test', async () => {
      attempts += 1;
      if (attempts < 3) throw new Error(`attempt ${attempts} failed`);
    });
    let slowFinished = false;
    await queue.work<{ n: number }>('slow-test', async () => {
      await pause(2_500);
      slowFinished = true;
    });
    await api.dataSource.transaction(async (em) => {
      await queue.sendInTransaction(em, 'flaky-test', { n: 1 });
      await queue.sendInTransaction(em, 'slow-test', { n: 1 });
    });
    queue.nudge('flaky-test');
    queue.nudge('slow-test');
    const until = async (queueName: string, state: string) => {
      const started = Date.now();
      while ((await jobStates(db.url, queueName))[0] !== state && Date.now() - started < 30_000)
        await pause(50);
    };
    // Failed at its 1 s expiry while the handler still ran (it takes 2.5 s).
    await until('slow-test', 'failed');
    expect(slowFinished).toBe(false);
    await until('flaky-test', 'completed');
    expect(attempts).toBe(3);
    expect(await jobStates(db.url, 'flaky-test')).toEqual(['completed']);
    // Its late end records nothing over the failure.
    while (!slowFinished) await pause(100);
    await pause(200);
    expect(await jobStates(db.url, 'slow-test')).toEqual(['failed']);
  });

  it('at shutdown lets a running job finish, and hands back one that outlives the grace', async () => {
    const own = await createTestDatabase();
    const app = await startTestApi({ databaseUrl: own.url, env: { SHUTDOWN_TIMEOUT_MS: '1000' } });
    try {
      const queue = app.app.get(QueueService);
      await queue.define({ name: 'quick-test', retryLimit: 3, retryDelay: 1, expireInSeconds: 60 });
      await queue.define({ name: 'stuck-test', retryLimit: 3, retryDelay: 1, expireInSeconds: 60 });
      const running = new Set<string>();
      let quickDone = false;
      await queue.work('quick-test', async () => {
        running.add('quick');
        await pause(400);
        quickDone = true;
      });
      let releaseStuck: () => void = () => undefined;
      await queue.work('stuck-test', async () => {
        running.add('stuck');
        await new Promise<void>((resolve) => (releaseStuck = resolve));
      });
      await app.dataSource.transaction(async (em) => {
        await queue.sendInTransaction(em, 'quick-test', {});
        await queue.sendInTransaction(em, 'stuck-test', {});
      });
      queue.nudge('quick-test');
      queue.nudge('stuck-test');
      const started = Date.now();
      while (running.size < 2 && Date.now() - started < 10_000) await pause(20);
      expect(running.size).toBe(2);

      const closing = Date.now();
      await app.close();
      const closeMs = Date.now() - closing;
      expect(quickDone).toBe(true);
      // Waited the 1 s grace for the stuck job, not its 60 s expiry.
      expect(closeMs).toBeGreaterThanOrEqual(900);
      expect(closeMs).toBeLessThan(10_000);
      expect(await jobStates(own.url, 'quick-test')).toEqual(['completed']);
      // Handed back for a retry at once instead of staying active until it expires.
      expect(await jobStates(own.url, 'stuck-test')).toEqual(['retry']);
      releaseStuck();
      await pause(1_500);
      expect(await jobStates(own.url, 'stuck-test')).toEqual(['retry']);
    } finally {
      await own.drop();
    }
  });
});
