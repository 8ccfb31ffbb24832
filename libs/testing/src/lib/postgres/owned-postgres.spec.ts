import { Client } from 'pg';
import { OwnedPostgres } from './owned-postgres';

async function ping(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

describe('OwnedPostgres', () => {
  it('starts, stops, crashes and comes back with its data', async () => {
    const pg = await OwnedPostgres.create();
    try {
      const c = new Client({ connectionString: pg.url() });
      await c.connect();
      await c.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await c.end();
      await pg.stop('fast');
      expect(await ping(pg.url())).toBe(false);
      await pg.start();
      await pg.stop('crash');
      expect(await ping(pg.url())).toBe(false);
      await pg.start();
      const again = new Client({ connectionString: pg.url() });
      await again.connect();
      expect((await again.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      await again.end();
    } finally {
      await pg.destroy();
    }
  });
});
