import { TEST_ADMIN } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

describe('inbox: keyboard-only run through the feed, and the phone layout', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'];

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage();
    await ui.login();
    for (const name of names) await h.customer(name).say(`Hello from ${name}`);
    await ui.waitForFeed(names.slice().reverse());
  });

  afterAll(async () => {
    await h?.stop();
  });

  const selected = () => ui.page.textContent('[data-testid=conversation-name]');
  const press = (key: string) => ui.page.keyboard.press(key);

  it('works the feed to zero with the keyboard alone', async () => {
    await press('?');
    await ui.page.waitForSelector('[data-testid=shortcuts-dialog]');
    await ui.screenshot('shortcuts');
    await press('Escape');
    await ui.page.waitForSelector('[data-testid=shortcuts-dialog]', { state: 'detached' });

    await press('j');
    await ui.waitForConversation('Katherine Johnson');
    await press('j');
    await ui.waitForConversation('Alan Turing');
    await press('k');
    await ui.waitForConversation('Katherine Johnson');

    // r focuses the reply box; Enter sends; Esc leaves the text field so letters are shortcuts again.
    await press('r');
    expect(await ui.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'composer-input',
    );
    await ui.page.keyboard.type('On it!');
    await press('Enter');
    await ui.page.waitForSelector(
      '[data-testid=timeline-message] .message__text:text-is("On it!")',
    );
    await press('Escape');

    await press('e');
    await ui.waitForFeed(['Alan Turing', 'Grace Hopper', 'Ada Lovelace']);
    expect(await selected()).toBe('Alan Turing');

    await press('s');
    await ui.page.waitForSelector('[data-testid=snooze-menu]');
    await press('1'); // in 1 hour
    await ui.waitForFeed(['Grace Hopper', 'Ada Lovelace']);
    expect(await selected()).toBe('Grace Hopper');

    await press('e');
    await ui.waitForFeed(['Ada Lovelace']);
    await press('e');
    await ui.waitForFeed([]);
    await ui.page.waitForSelector('[data-testid=feed-empty]');
    await ui.page.waitForSelector('[data-testid=conversation-empty]');
    await ui.page.waitForSelector('[data-testid=count-open]:text-is("0")');
    await ui.page.waitForSelector('[data-testid=count-closed]:text-is("3")');
    await ui.page.waitForSelector('[data-testid=count-snoozed]:text-is("1")');
    await ui.screenshot('inbox-zero');

    const snoozed = await h.conversationOf('Alan Turing', 'snoozed');
    const minutes = (Date.parse(snoozed.snoozedUntil ?? '') - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThan(61);
    expect(ui.pageErrors).toEqual([]);
  });

  it('is two screens on a phone: the list, then the conversation', async () => {
    await h.customer('Zoë Ødegaard').say('Kan jeg bytte størrelse? 👟');
    const phone = await h.openPage({ width: 390, height: 780 });
    try {
      await phone.login();
      await phone.waitForFeed(['Zoë Ødegaard']);
      expect(await phone.page.isVisible('[data-testid=conversation-empty]')).toBe(false);
      await phone.screenshot('mobile-list');

      await phone.openRow('Zoë Ødegaard');
      expect(await phone.page.isVisible('[data-testid=feed-list]')).toBe(false);
      await phone.screenshot('mobile-conversation');

      await phone.page.keyboard.press('Escape');
      await phone.page.waitForSelector('[data-testid=feed-list]');
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('mirrors the layout for a right-to-left operator locale', async () => {
    await h.api.dataSource
      .getRepository('OperatorEntity')
      .update({ email: TEST_ADMIN.email }, { locale: 'ar' });
    const rtl = await h.openPage();
    try {
      await rtl.login();
      await rtl.openRow('Zoë Ødegaard');
      expect(await rtl.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      // Logical properties flip the panes: the feed starts on the right.
      const feed = await rtl.page.locator('.feed-pane').boundingBox();
      const conversation = await rtl.page.locator('[data-testid=conversation]').boundingBox();
      expect(feed && conversation && feed.x > conversation.x).toBe(true);
      // Customer text keeps its own direction inside the mirrored layout.
      const bubble = rtl.page.locator('[data-testid=timeline-message] .message__text').first();
      expect(await bubble.getAttribute('dir')).toBe('auto');
      // The Arabic screenshots come from rtl-arabic.e2e-spec.ts.
      expect(rtl.pageErrors).toEqual([]);
    } finally {
      await rtl.close();
      await h.api.dataSource
        .getRepository('OperatorEntity')
        .update({ email: TEST_ADMIN.email }, { locale: 'en-GB' });
    }
  });
});
