import { createHash } from 'node:crypto';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const ROWS = 10_000;
const ROW_HEIGHT = 72;
/** Rows per INSERT: 11 parameters a conversation, well under PostgreSQL's 65 535 per statement. */
const CHUNK = 2_000;

/** Row `g`'s id: md5 of `c<g>` (contact), `i<g>` (identity) or `v<g>` (conversation) as a uuid. */
const seedId = (kind: 'c' | 'i' | 'v', g: number): string =>
  createHash('md5')
    .update(`${kind}${g}`)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * `rows` open conversations in the harness's inbox, one contact and identity (`seed-<g>`) each:
 * Customer 1 is the most recent (one second ago), Customer `rows` the oldest, one second apart.
 */
async function seedFeed(h: InboxHarness, rows: number): Promise<void> {
  const ds = h.api.dataSource;
  const { accountId } = (await ds
    .getRepository('InboxEntity')
    .findOneByOrFail({ id: h.inboxId })) as { accountId: string };
  const now = Date.now();
  const ago = (g: number) => new Date(now - g * 1000);
  await ds.transaction(async (manager) => {
    const insert = async (entity: string, make: (g: number) => Record<string, unknown>) => {
      for (let first = 1; first <= rows; first += CHUNK) {
        const values = Array.from({ length: Math.min(CHUNK, rows - first + 1) }, (_, k) =>
          make(first + k),
        );
        await manager
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(values)
          .updateEntity(false)
          .execute();
      }
    };
    await insert('ContactEntity', (g) => ({
      id: seedId('c', g),
      accountId,
      name: `Customer ${g}`,
    }));
    await insert('ContactIdentityEntity', (g) => ({
      id: seedId('i', g),
      accountId,
      contactId: seedId('c', g),
      inboxId: h.inboxId,
      externalId: `seed-${g}`,
    }));
    await insert('ConversationEntity', (g) => ({
      id: seedId('v', g),
      accountId,
      number: 100_000 + g,
      inboxId: h.inboxId,
      contactId: seedId('c', g),
      identityId: seedId('i', g),
      status: 'open',
      lastActivityAt: ago(g),
      lastMessagePreview: `Seeded message ${g}`,
      lastMessageDirection: 'incoming',
      createdAt: ago(g),
    }));
  });
}

describe('inbox: a feed of 10 000 conversations', () => {
  let h: InboxHarness;
  let ui: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    // Seeded straight into PostgreSQL: 10 000 webhooks would test the pipeline, not the list.
    await seedFeed(h, ROWS);
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const listHeight = () =>
    ui.page.$eval('.feed-list__inner', (el) => (el as HTMLElement).getBoundingClientRect().height);
  const domRows = () => ui.page.$$eval('[data-testid=feed-row]', (els) => els.length);

  it('pages through all of them by scrolling, with only the visible rows in the DOM', async () => {
    await ui.page.waitForSelector('[data-testid=feed-row]');
    expect((await ui.feedNames()).slice(0, 3)).toEqual(['Customer 1', 'Customer 2', 'Customer 3']);
    await ui.page.waitForSelector(`[data-testid=count-open]:text-is("${ROWS}")`);

    let maxDomRows = 0;
    await waitUntil(
      async () => {
        await ui.page.$eval('[data-testid=feed-list]', (el) =>
          el.scrollTo({ top: el.scrollHeight }),
        );
        maxDomRows = Math.max(maxDomRows, await domRows());
        return (await listHeight()) >= ROWS * ROW_HEIGHT;
      },
      async () => `list holds ${(await listHeight()) / ROW_HEIGHT} rows`,
      90_000,
    );
    expect(maxDomRows).toBeLessThan(60);
    await waitUntil(
      async () => {
        await ui.page.$eval('[data-testid=feed-list]', (el) =>
          el.scrollTo({ top: el.scrollHeight }),
        );
        return (await ui.feedNames()).at(-1) === `Customer ${ROWS}`;
      },
      async () => `last rows: ${(await ui.feedNames()).slice(-3).join(', ')}`,
    );

    // Scroll the whole list back up, eight screens per frame: every frame renders, and the DOM
    // stays small. (Frame-time budgets belong in benchmarks, not in a test on a shared machine.)
    const frames = await ui.page.$eval('[data-testid=feed-list]', async (el) => {
      const durations: number[] = [];
      let previous = performance.now();
      while (el.scrollTop > 0) {
        el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight * 8);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        durations.push(now - previous);
        previous = now;
      }
      return durations.sort((a, b) => a - b);
    });
    expect(frames.length).toBeGreaterThan(100);
    expect(await domRows()).toBeLessThan(60);
    expect(ui.pageErrors).toEqual([]);
  });

  it('keeps the rows the operator is reading in place while others jump to the top', async () => {
    const middle = 5_000 * ROW_HEIGHT;
    await ui.page.$eval('[data-testid=feed-list]', (el, top) => el.scrollTo({ top }), middle);
    const visible = async () =>
      ui.page.$$eval('[data-testid=feed-list]', ([list]) => {
        const box = (list as HTMLElement).getBoundingClientRect();
        return Array.from(list?.querySelectorAll('[data-testid=feed-row]') ?? [])
          .filter((row) => {
            const r = row.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom;
          })
          .map((row) => row.querySelector('.feed-row__name')?.textContent ?? '');
      });
    await waitUntil(
      async () => (await visible()).includes('Customer 5002'),
      async () => (await visible()).join(', '),
    );
    const before = await visible();
    // A customer far below writes: their row moves above the viewport.
    expect((await h.customer('Customer 9999', 'seed-9999').say('Any update?')).status).toBe(200);
    await waitUntil(
      async () => (await h.conversationOf('Customer 9999')).lastMessagePreview === 'Any update?',
      () => 'message not stored',
    );
    await ui.page.waitForTimeout(500);
    expect(await visible()).toEqual(before);
  });

  it('moves the oldest of 10 000 to the top when its customer writes', async () => {
    await ui.page.$eval('[data-testid=feed-list]', (el) => el.scrollTo({ top: 0 }));
    await waitUntil(
      async () => (await ui.feedNames())[0] === 'Customer 9999',
      async () => `top rows: ${(await ui.feedNames()).slice(0, 3).join(', ')}`,
    );
    // The seeded identity: the message lands in the existing, oldest conversation.
    const oldest = h.customer(`Customer ${ROWS}`, `seed-${ROWS}`);
    expect((await oldest.say('Still waiting after all this time')).status).toBe(200);
    await waitUntil(
      async () => (await ui.feedNames())[0] === `Customer ${ROWS}`,
      async () => `top rows: ${(await ui.feedNames()).slice(0, 3).join(', ')}`,
    );
    expect((await ui.feedNames()).slice(0, 3)).toEqual([
      `Customer ${ROWS}`,
      'Customer 9999',
      'Customer 1',
    ]);
    expect(await listHeight()).toBe(ROWS * ROW_HEIGHT);
    await ui.screenshot('feed-10k');
  });
});
