import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const ROWS = 10_000;
const ROW_HEIGHT = 72;

describe('inbox: a feed of 10 000 conversations', () => {
  let h: InboxHarness;
  let ui: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    // Seeded straight into PostgreSQL: 10 000 webhooks would test the pipeline, not the list.
    await h.api.dataSource.query(
      `WITH inbox AS (SELECT id, account_id FROM inboxes WHERE id = $1)
       , c AS (
         INSERT INTO contacts (id, account_id, name)
         SELECT md5('c' || g)::uuid, inbox.account_id, 'Customer ' || g FROM inbox, generate_series(1, $2) g
         RETURNING id)
       , i AS (
         INSERT INTO contact_identities (id, account_id, contact_id, inbox_id, external_id)
         SELECT md5('i' || g)::uuid, inbox.account_id, md5('c' || g)::uuid, inbox.id, 'seed-' || g
           FROM inbox, generate_series(1, $2) g WHERE EXISTS (SELECT 1 FROM c)
         RETURNING id)
       INSERT INTO conversations (id, account_id, number, inbox_id, contact_id, identity_id, status,
                                  last_activity_at, last_message_preview, last_message_direction, created_at)
       SELECT md5('v' || g)::uuid, inbox.account_id, 100000 + g, inbox.id, md5('c' || g)::uuid, md5('i' || g)::uuid,
              'open', now() - make_interval(secs => g), 'Seeded message ' || g, 'incoming', now() - make_interval(secs => g)
         FROM inbox, generate_series(1, $2) g WHERE EXISTS (SELECT 1 FROM i)`,
      [h.inboxId, ROWS],
    );
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
