import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import { createApiInbox, type ApiChannelCustomer } from '@switchboard/testing';
import * as argon2 from 'argon2';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { OutboundReceiver } from './support/outbound-receiver';
import { waitUntil } from './support/wait-until';

const BEN = { email: 'ben@test.local', password: 'ben-password-123', name: 'Ben Weber' };
const ADA = { name: 'Ada Lovelace', email: 'ada@example.test' };

/**
 * Two operators in two browsers: Anna merges the customer's chat conversation into her mail
 * conversation while Ben has the mail one open; both views follow live, the merged one shows its
 * banner, Anna splits a message out (Ben sees it leave), and answers through the channel she
 * picks in "Reply via". Every message stays exactly once.
 */
describe('inbox: merge and split conversations', () => {
  let h: InboxHarness;
  let anna: InboxPage;
  let ben: InboxPage;
  let mailReceiver: OutboundReceiver;
  let chatReceiver: OutboundReceiver;
  let mail: { customer: ApiChannelCustomer; inboxId: string };
  let chat: { customer: ApiChannelCustomer; inboxId: string };
  let target: ConversationSummaryDto;
  let source: ConversationSummaryDto;
  let allIds: string[];

  const conversationIn = async (inboxId: string) => {
    const page = await h.admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open&limit=100',
    );
    return page.items.find((c) => c.inboxId === inboxId)!;
  };
  const messageIds = async (id: string) =>
    (await h.admin.ok<Page<MessageDto>>('GET', `/api/conversations/${id}/messages?limit=100`))
      .items;
  const openById = async (ui: InboxPage, id: string) => {
    await ui.page.click(`[data-testid=feed-row][data-conversation-id="${id}"]`);
    await ui.page.waitForSelector(`[data-testid=conversation][data-conversation-id="${id}"]`);
  };
  const texts = (ui: InboxPage) =>
    ui.page.$$eval('[data-testid=timeline-message] .message__text', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
  const timelineIs = (ui: InboxPage, wanted: string[]) =>
    waitUntil(
      async () => JSON.stringify(await texts(ui)) === JSON.stringify(wanted),
      async () => `timeline is ${JSON.stringify(await texts(ui))}, want ${JSON.stringify(wanted)}`,
    );

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
    mailReceiver = await OutboundReceiver.start();
    chatReceiver = await OutboundReceiver.start();
    const m = await createApiInbox(h.admin, 'Mail', { outboundUrl: mailReceiver.url });
    const c = await createApiInbox(h.admin, 'Chat', { outboundUrl: chatReceiver.url });
    mail = { customer: m.customer, inboxId: m.inbox.id };
    chat = { customer: c.customer, inboxId: c.inbox.id };
    // One customer, two channels (the same email joins one contact), alternating.
    await mail.customer.say('Where is order 1?', 'm-1', { id: 'ada-mail', ...ADA });
    await chat.customer.say('Also order 2, please', 'c-1', { id: 'ada-chat', ...ADA });
    await mail.customer.say('And a refund question', 'm-2', { id: 'ada-mail', ...ADA });
    target = await conversationIn(mail.inboxId);
    source = await conversationIn(chat.inboxId);
    allIds = [...(await messageIds(target.id)), ...(await messageIds(source.id))].map((x) => x.id);

    anna = await h.openPage();
    await anna.login();
    ben = await h.openPage();
    await ben.login(BEN);
    await openById(anna, source.id);
    await openById(ben, target.id);
    await timelineIs(ben, ['Where is order 1?', 'And a refund question']);
  });

  afterAll(async () => {
    await mailReceiver?.close();
    await chatReceiver?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect([...(anna?.pageErrors ?? []), ...(ben?.pageErrors ?? [])]).toEqual([]);
  });

  it('merges the chat into the mail conversation; both operators see it live', async () => {
    await anna.page.click('[data-testid=action-merge]');
    await anna.page.waitForSelector('[data-testid=merge-dialog]');
    // The customer's other conversation is offered (the contacts API lists them).
    await anna.page.click(`[data-testid=merge-candidate][data-number="${target.number}"]`);
    const confirm = await anna.page.waitForSelector('[data-testid=merge-confirm-text]');
    expect(await confirm.textContent()).toBe(`Merge #${source.number} into #${target.number}?`);
    await anna.page.click('[data-testid=merge-submit]');

    // Anna lands in the survivor; Ben, who had it open, sees the chat message arrive in place.
    const merged = ['Where is order 1?', 'Also order 2, please', 'And a refund question'];
    await anna.page.waitForSelector(
      `[data-testid=conversation][data-conversation-id="${target.id}"]`,
    );
    await timelineIs(anna, merged);
    await timelineIs(ben, merged);
    await ben.page.waitForSelector(
      '[data-testid=timeline-activity][data-activity=conversation_merged]',
    );
    // The merged conversation leaves the open feed everywhere.
    for (const ui of [anna, ben])
      await ui.page.waitForSelector(`[data-testid=feed-row][data-conversation-id="${source.id}"]`, {
        state: 'detached',
      });

    // From the activity's link, the merged one: its banner points back.
    await ben.page.click(
      '[data-testid=timeline-activity][data-activity=conversation_merged] [data-testid=activity-open-linked]',
    );
    await ben.page.waitForSelector(`[data-testid=merged-banner]`);
    expect(await ben.page.textContent('[data-testid=merged-banner]')).toContain(
      `#${target.number}`,
    );
    expect(await ben.page.locator('[data-testid=action-merge]').count()).toBe(0);
    // It stays closed: no reopening it by hand either.
    expect(await ben.page.locator('[data-testid=action-reopen]').count()).toBe(0);
    await anna.screenshot('conversation-merged');
    await ben.screenshot('conversation-merged-banner');
    await ben.page.click('[data-testid=merged-banner-open]');
    await ben.page.waitForSelector(
      `[data-testid=conversation][data-conversation-id="${target.id}"]`,
    );
    await timelineIs(ben, merged);
  });

  it('splits a message out into a new conversation; the colleague sees it leave', async () => {
    const refund = anna.timelineMessage('And a refund question');
    await refund.locator('[data-testid=message-split]').click();
    await refund.locator('[data-testid=split-with-following]').uncheck();
    await refund.locator('[data-testid=split-confirm]').click();

    const left = ['Where is order 1?', 'Also order 2, please'];
    await timelineIs(anna, left);
    await timelineIs(ben, left);
    await ben.page.waitForSelector('[data-testid=timeline-activity][data-activity=split_into]');
    const split = await waitUntil(
      async () => {
        const page = await h.admin.ok<Page<ConversationSummaryDto>>(
          'GET',
          '/api/conversations?status=open&limit=100',
        );
        return page.items.find((c) => c.number > source.number);
      },
      () => 'no split-off conversation',
    );
    // The new conversation appears in the colleague's feed at once, holding the message.
    await openById(ben, split.id);
    await timelineIs(ben, ['And a refund question']);
    const now = [target.id, source.id, split.id];
    const after = (await Promise.all(now.map(messageIds)))
      .flat()
      .filter((m) => m.kind !== 'activity');
    expect(after.map((m) => m.id).sort()).toEqual([...allIds].sort());
  });

  it('replies through the channel picked in "Reply via"', async () => {
    const via = anna.page.locator('[data-testid=reply-via]');
    await via.waitFor();
    expect(await via.locator('option').allTextContents()).toHaveLength(2);
    await via.selectOption({ label: await via.locator('option', { hasText: 'Mail' }).innerText() });
    await anna.page.fill('[data-testid=composer-input]', 'Answering by mail');
    await anna.page.press('[data-testid=composer-input]', 'Enter');
    await waitUntil(
      () => mailReceiver.received.some((r) => r.text === 'Answering by mail'),
      () => `mail got ${JSON.stringify(mailReceiver.received)}`,
    );
    expect(chatReceiver.received.map((r) => r.text)).not.toContain('Answering by mail');
    await anna.screenshot('conversation-reply-via');
  });
});
