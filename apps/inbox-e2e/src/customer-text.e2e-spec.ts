import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

const IMPOSTOR = 'Support Team\u202E\u200B';
const LONG_WORD = `https://tracker.example/${'a1b2c3d4'.repeat(300)}`;

/** What a customer types cannot pose as the team, hide a file's real type, or break the layout. */
describe('inbox: customer-controlled text', () => {
  let h: InboxHarness;
  let ui: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage({ width: 1024, height: 720 });
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('shows an impostor as a customer, without hidden characters, and wraps endless words', async () => {
    const customer = h.customer(IMPOSTOR);
    expect((await customer.say(LONG_WORD)).status).toBe(200);
    await ui.waitForFeed(['Support Team']);
    await ui.openRow('Support Team');
    await ui.page.fill('[data-testid=composer-input]', 'We will never ask for your password.');
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    await ui.page.waitForSelector('[data-testid=timeline-message][data-kind=message] >> nth=1');

    const seen = await ui.page.evaluate(() => {
      const overflows = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].some(
          (e) => e.scrollWidth > e.clientWidth + 1,
        );
      const timeline = document.querySelector<HTMLElement>('[data-testid=timeline]')!;
      const box = timeline.getBoundingClientRect();
      return {
        kinds: [...document.querySelectorAll('[data-testid=sender-kind]')].map(
          (e) => e.textContent,
        ),
        senders: [...document.querySelectorAll('.message__sender')].map((e) => e.textContent),
        header: document.querySelector('[data-testid=conversation-name]')?.textContent,
        timelineScrolls: timeline.scrollWidth > timeline.clientWidth + 1,
        messageOutside: [...document.querySelectorAll('.message')].some(
          (m) => m.getBoundingClientRect().right > box.right + 1,
        ),
        pageScrolls: document.documentElement.scrollWidth > window.innerWidth + 1,
        feedScrolls: overflows('[data-testid=feed-row]'),
      };
    });
    expect(seen.kinds).toEqual(['Customer', 'Team']);
    expect(seen.senders[0]).toBe('Support Team');
    expect(seen.header).toBe('Support Team');
    expect(seen).toMatchObject({
      timelineScrolls: false,
      messageOutside: false,
      pageScrolls: false,
      feedScrolls: false,
    });
    await ui.screenshot('customer-text');
    expect(ui.pageErrors).toEqual([]);
  });

  it('wraps a name that is one endless word instead of widening the timeline', async () => {
    const endless = `Z${'z'.repeat(249)}`;
    expect((await h.customer(endless).say('hi')).status).toBe(200);
    await ui.openRow(endless);
    const seen = await ui.page.evaluate(() => {
      const overflowing = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.className);
      return {
        overflowing: [
          ...overflowing('.message'),
          ...overflowing('.message__meta'),
          ...overflowing('[data-testid=timeline]'),
          ...overflowing('.conversation-header'),
          ...overflowing('[data-testid=feed-row]'),
        ],
        pageScrolls: document.documentElement.scrollWidth > window.innerWidth + 1,
      };
    });
    expect(seen).toEqual({ overflowing: [], pageScrolls: false });
  });
});
