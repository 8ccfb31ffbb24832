import type { DraftDto } from '@switchboard/contracts';
import * as argon2 from 'argon2';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const BEN = { email: 'ben@test.local', password: 'ben-password-123', name: 'Ben Weber' };

/** Two operators in two browsers on one conversation: presence, typing, a held send, drafts. */
describe('inbox: two operators on one conversation', () => {
  let h: InboxHarness;
  let anna: InboxPage;
  let ben: InboxPage;
  let conversationId: string;

  beforeAll(async () => {
    h = await InboxHarness.start();
    const admin = (await h.api.dataSource
      .getRepository('OperatorEntity')
      .findOneByOrFail({ name: OPERATOR.name })) as { accountId: string };
    await h.api.dataSource.getRepository('OperatorEntity').insert({
      accountId: admin.accountId,
      email: BEN.email,
      name: BEN.name,
      passwordHash: await argon2.hash(BEN.password, { type: argon2.argon2id }),
      role: 'admin',
    });
    await h.customer('Ada Lovelace').say('Where is my parcel?');
    conversationId = (await h.conversationOf('Ada Lovelace')).id;
    anna = await h.openPage();
    await anna.login();
    ben = await h.openPage();
    await ben.login(BEN);
    for (const ui of [anna, ben]) {
      await ui.waitForFeed(['Ada Lovelace']);
      await ui.openRow('Ada Lovelace');
    }
  });

  afterAll(async () => {
    await h?.stop();
  });

  const viewers = (ui: InboxPage) =>
    ui.page
      .$$eval('[data-testid=viewers-line] li', (els) =>
        els.map((e) => `${e.textContent} [${e.getAttribute('data-activity')}]`),
      )
      .catch(() => []);
  const waitForViewers = (ui: InboxPage, wanted: string[]) =>
    waitUntil(
      async () => JSON.stringify(await viewers(ui)) === JSON.stringify(wanted),
      async () => `viewers ${JSON.stringify(await viewers(ui))}, want ${JSON.stringify(wanted)}`,
      15_000,
    );

  it('each sees the other viewing, and the other writing a reply or a note', async () => {
    await waitForViewers(anna, [`${BEN.name} is viewing [viewing]`]);
    await waitForViewers(ben, [`${OPERATOR.name} is viewing [viewing]`]);

    await ben.page.focus('[data-testid=composer-input]');
    await ben.page.keyboard.type('Let me check');
    await waitForViewers(anna, [`${BEN.name} is writing a reply [replying]`]);
    await anna.page.waitForSelector(`[data-testid=typing-line]:has-text("${BEN.name}")`);
    await anna.screenshot('collision-viewers');

    await anna.page.click('[data-testid=composer-mode-note]');
    await anna.page.focus('[data-testid=composer-input]');
    await anna.page.keyboard.type('VIP customer');
    await waitForViewers(ben, [`${OPERATOR.name} is writing a note [noting]`]);
    await anna.page.fill('[data-testid=composer-input]', '');
    await anna.page.click('[data-testid=composer-mode-message]');
    await waitForViewers(ben, [`${OPERATOR.name} is viewing [viewing]`]);
  });

  it('holds the second reply, shows the first, and sends it when the operator says so', async () => {
    // Ben's live stream lags behind (cut here): Anna's reply has not reached his screen.
    await ben.dropNetwork();
    await anna.page.fill('[data-testid=composer-input]', 'It left our warehouse today.');
    await anna.page.press('[data-testid=composer-input]', 'Enter');
    await waitUntil(
      () => h.receiver.received.find((r) => r.text === 'It left our warehouse today.'),
      () => `received ${JSON.stringify(h.receiver.received)}`,
    );

    await ben.page.press('[data-testid=composer-input]', 'Enter');
    await ben.page.waitForSelector(`[data-testid=held-reply]:has-text("${OPERATOR.name} replied")`);
    expect(await ben.page.textContent('[data-testid=held-reply-quote]')).toBe(
      'It left our warehouse today.',
    );
    expect(await ben.timelineTexts()).toContain('It left our warehouse today.');
    expect(await ben.timelineTexts()).not.toContain('Let me check');
    expect(h.receiver.received.some((r) => r.text === 'Let me check')).toBe(false);
    await ben.screenshot('collision-held');

    await ben.page.click('[data-testid=held-reply-send-anyway]');
    await waitUntil(
      () => h.receiver.received.find((r) => r.text === 'Let me check'),
      () => `received ${JSON.stringify(h.receiver.received)}`,
    );
    await ben.page.waitForSelector('[data-testid=held-reply]', { state: 'detached' });
    ben.restoreNetwork();
    expect(ben.pageErrors).toEqual([]);
  });

  it('keeps a draft on the server: it survives a reload and opens in another browser', async () => {
    await anna.page.fill('[data-testid=composer-input]', 'Half a reply about the parcel');
    await waitUntil(
      async () =>
        (
          await h.admin.ok<{ draft: DraftDto | null }>(
            'GET',
            `/api/conversations/${conversationId}/draft`,
          )
        ).draft?.text === 'Half a reply about the parcel',
      () => 'the draft never reached the server',
    );

    await anna.page.reload();
    await anna.waitForConnection('live');
    await anna.openRow('Ada Lovelace');
    const composer = (ui: InboxPage) => ui.page.inputValue('[data-testid=composer-input]');
    await waitUntil(
      async () => (await composer(anna)) === 'Half a reply about the parcel',
      async () => `composer after reload holds ${JSON.stringify(await composer(anna))}`,
    );

    const elsewhere = await h.openPage();
    try {
      await elsewhere.login();
      await elsewhere.waitForFeed(['Ada Lovelace']);
      await elsewhere.openRow('Ada Lovelace');
      await waitUntil(
        async () => (await composer(elsewhere)) === 'Half a reply about the parcel',
        async () =>
          `composer in the other browser holds ${JSON.stringify(await composer(elsewhere))}`,
      );
      // Ben's composer is his own: Anna's draft is not in it.
      expect(await composer(ben)).toBe('');
    } finally {
      await elsewhere.close();
    }
  });
});
