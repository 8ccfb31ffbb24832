import {
  createTestDatabase,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { QueueService } from './queue.service';

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
});
