import type { OperatorDto } from '@switchboard/contracts';
import { TEST_ADMIN } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/** Berlin wall-clock "YYYY-MM-DDTHH:mm:ss" for a datetime-local input (the operator's timezone). */
function berlinLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

describe('inbox: the live feed, reply, close and snooze', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const olena = () => 'Олена Петренко';
  const omar = () => 'عمر الفاروق';
  let olenaCustomer: ReturnType<InboxHarness['customer']>;
  let omarCustomer: ReturnType<InboxHarness['customer']>;

  beforeAll(async () => {
    h = await InboxHarness.start();
    olenaCustomer = h.customer(olena());
    omarCustomer = h.customer(omar());
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
  });

  it('shows a message from a channel live at the top of the open feed', async () => {
    await ui.page.waitForSelector('[data-testid=feed-empty]');
    expect(await ui.page.textContent('[data-testid=operator-name]')).toBe('Anna Schmidt');

    expect((await olenaCustomer.say('Привіт! Де моє замовлення? 📦')).status).toBe(200);
    await ui.waitForFeed([olena()]);
    expect((await omarCustomer.say('مرحبا، لدي سؤال عن الفاتورة <b>#4411</b>')).status).toBe(200);
    await ui.waitForFeed([omar(), olena()]);
    // A newer message moves its conversation back to the top, live.
    await olenaCustomer.say('Any news? 🙏');
    await ui.waitForFeed([olena(), omar()]);

    await ui.page.waitForSelector('[data-testid=count-open]:text-is("2")');
    // Customer messages in unassigned conversations raise a notification and the title badge.
    await waitUntil(
      async () => (await ui.page.title()) === '(2) Switchboard',
      () => ui.page.title(),
    );
    await ui.waitForNotification(`New message from ${olena()}`);
    const preview = await ui.page.textContent(
      `[data-testid=feed-row]:has-text("${omar()}") .feed-row__preview`,
    );
    expect(preview).toBe('مرحبا، لدي سؤال عن الفاتورة <b>#4411</b>');
    await ui.screenshot('feed-live');
  });

  it('replies on the conversation channel and shows delivery ticks live', async () => {
    await ui.openRow(omar());
    // Customer text with markup is shown as text, in its own direction.
    const bubble = ui.page.locator('[data-testid=timeline-message] .message__text').last();
    expect(await bubble.textContent()).toBe('مرحبا، لدي سؤال عن الفاتورة <b>#4411</b>');
    expect(await bubble.getAttribute('dir')).toBe('auto');

    await ui.page.fill('[data-testid=composer-input]', 'Hello Omar, the invoice is on its way.');
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    const reply = await waitUntil(
      () => h.receiver.received.find((r) => r.text === 'Hello Omar, the invoice is on its way.'),
      () => JSON.stringify(h.receiver.received),
    );
    const sentTick =
      '[data-testid=timeline-message][data-kind=message] [data-testid=delivery-status][data-status=sent]';
    await ui.page.waitForSelector(sentTick);
    // The customer's system reports the reply read: the tick turns live, no refresh.
    const status = await omarCustomer.post({
      statuses: [{ messageId: reply.externalId, status: 'read' }],
    });
    expect(status.status).toBe(200);
    await ui.page.waitForSelector('[data-testid=delivery-status][data-status=read]');

    await ui.page.click('[data-testid=composer-mode-note]');
    await ui.page.fill('[data-testid=composer-input]', 'Invoice #4411 was re-sent by finance.');
    await ui.page.click('[data-testid=composer-send]');
    await ui.page.waitForSelector('[data-testid=timeline-message][data-kind=note]');
    expect(h.receiver.received).toHaveLength(1); // notes never leave Switchboard
    await ui.page.click('[data-testid=composer-mode-message]');
    await ui.screenshot('conversation');
  });

  it('shows a failed send with its reason, and Retry delivers it', async () => {
    h.receiver.rejectNext(422, 'Recipient has blocked the shop');
    await ui.page.fill('[data-testid=composer-input]', 'Are you still there?');
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    const sent = ui.page.locator('[data-testid=timeline-message]', {
      hasText: 'Are you still there?',
    });
    await sent.locator('[data-testid=delivery-status][data-status=failed]').waitFor();
    expect(await sent.locator('[data-testid=delivery-status]').textContent()).toContain(
      'Recipient has blocked the shop',
    );
    await ui.screenshot('failed-send');

    await sent.getByRole('button', { name: 'Retry' }).click();
    await sent.locator('[data-testid=delivery-status][data-status=sent]').waitFor();
    expect(h.receiver.received.filter((r) => r.text === 'Are you still there?')).toHaveLength(1);
  });

  it('closing empties it from the feed and opens the next conversation', async () => {
    await ui.page.click('[data-testid=action-close]');
    await ui.waitForFeed([olena()]);
    await ui.waitForConversation(olena());
    await ui.page.waitForSelector('[data-testid=count-closed]:text-is("1")');
    expect((await h.conversationOf(omar(), 'closed')).status).toBe('closed');
  });

  it('snoozes for a short time and the conversation comes back by itself', async () => {
    await ui.page.click('[data-testid=action-snooze]');
    await ui.page.waitForSelector('[data-testid=snooze-menu]');
    await ui.screenshot('snooze-menu');
    await ui.page.fill(
      '[data-testid=snooze-custom-input]',
      berlinLocal(new Date(Date.now() + 3_000)),
    );
    await ui.page.click('[data-testid=snooze-custom-submit]');
    await ui.waitForFeed([]);
    await ui.page.waitForSelector('[data-testid=feed-empty]');

    await ui.waitForFeed([olena()], 15_000);
    await ui.waitForNotification(`Snooze ended: ${olena()}`);
    await ui.openRow(olena());
    await waitUntil(
      async () => (await ui.timelineTexts()).includes('Snooze ended, the conversation is back'),
      async () => JSON.stringify(await ui.timelineTexts()),
    );
    expect(await ui.timelineTexts()).toContainEqual(
      expect.stringMatching(/^Anna Schmidt snoozed until Today \d\d:\d\d$/),
    );
  });

  it('a customer reply unsnoozes it with a notification', async () => {
    await ui.page.click('[data-testid=action-snooze]');
    await ui.page.click('[data-preset=tomorrow_morning]');
    await ui.waitForFeed([]);

    await ui.page.click('[data-testid=tab-snoozed]');
    await ui.waitForFeed([olena()]);
    expect(await ui.page.textContent('[data-testid=snoozed-until]')).toBe('Back Tomorrow 09:00');
    await ui.screenshot('snoozed-tab');
    await ui.page.click('[data-testid=tab-open]');
    await ui.waitForFeed([]);

    const before = (await ui.notifications()).length;
    await olenaCustomer.say('Hello? Are you there?');
    await ui.waitForFeed([olena()]);
    await ui.waitForNotification(`${olena()} wrote in a snoozed conversation`);
    expect((await ui.notifications()).length).toBeGreaterThan(before);
    expect(await ui.page.title()).toMatch(/^\(\d+\) Switchboard$/);
    await ui.page.waitForSelector('[data-testid=count-snoozed]:text-is("0")');

    // Clicking the notification opens the conversation and clears its badge.
    await ui.clickNotification(`${olena()} wrote in a snoozed conversation`);
    await ui.waitForConversation(olena());
    await waitUntil(
      async () => (await ui.page.title()) === 'Switchboard',
      () => ui.page.title(),
    );
  });

  it('filters mine / unassigned live as conversations are assigned', async () => {
    const me = await h.admin.ok<OperatorDto>('GET', '/api/auth/me');
    const olenaConversation = await h.conversationOf(olena());
    await ui.page.getByRole('radio', { name: 'Mine' }).click();
    await ui.waitForFeed([]);
    await h.admin.ok('POST', `/api/conversations/${olenaConversation.id}/assign`, {
      assigneeId: me.id,
    });
    await ui.waitForFeed([olena()]);
    await ui.page.getByRole('radio', { name: 'Unassigned' }).click();
    await ui.waitForFeed([]);
    await ui.page.getByRole('radio', { name: 'All' }).click();
    await ui.waitForFeed([olena()]);
  });

  it('sets the operator away and back with one click', async () => {
    const presence = async () =>
      (
        await h.api.dataSource
          .getRepository('OperatorEntity')
          .findOneByOrFail({ email: TEST_ADMIN.email })
      ).presence as string;
    await ui.page.click('[data-testid=presence-toggle]');
    await waitUntil(async () => (await presence()) === 'away', presence);
    expect(await ui.page.getAttribute('[data-testid=presence-toggle]', 'data-presence')).toBe(
      'away',
    );
    await ui.page.click('[data-testid=presence-toggle]');
    await waitUntil(async () => (await presence()) === 'online', presence);
  });
});
