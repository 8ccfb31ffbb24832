import type { ConversationSummaryDto, OperatorDto } from '@switchboard/contracts';
import { ApiChannelCustomer, createApiInbox, TEST_ADMIN } from '@switchboard/testing';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';
import { wallClockInstant } from './support/wall-clock';

/**
 * The command palette (Ctrl+K) in real Chromium against the real API: jump by `#number`, by a
 * customer's name or email, by text; run actions on the open conversation and check the server
 * took them; switch inbox and view; Escape gives focus back.
 */
describe('inbox: command palette', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let adminId: string;
  let secondInboxId: string;
  const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'];

  beforeAll(async () => {
    h = await InboxHarness.start();
    for (const name of names) await h.customer(name).say(`Hello from ${name}`);
    const second = await createApiInbox(h.admin, 'Second desk', { outboundUrl: h.receiver.url });
    secondInboxId = second.inbox.id;
    await new ApiChannelCustomer(h.api.baseUrl, second.inbox.id, second.signingSecret, {
      id: 'cust-hedy',
      name: 'Hedy Lamarr',
      email: 'hedy@frequency.test',
    }).say('My order of antennas never arrived');
    await h.admin.ok('POST', '/api/views', {
      name: 'VIP queue',
      query: { status: 'open', tag: ['vip'] },
    });
    const operators = await h.admin.ok<OperatorDto[]>('GET', '/api/operators');
    adminId = operators.find((o) => o.email === TEST_ADMIN.email)?.id ?? '';
    ui = await h.openPage();
    await ui.login();
    await ui.waitForFeed(['Hedy Lamarr', ...names.slice().reverse()]);
  });

  afterAll(async () => {
    await ui?.close();
    await h?.stop();
  });

  const page = () => ui.page;
  const openPalette = async (query: string) => {
    await page().keyboard.press('Control+k');
    await page().waitForSelector('[data-testid=command-palette]');
    await page().fill('[data-testid=palette-input]', query);
  };
  /** Waits until `itemId` is the active option, then presses Enter. */
  const runActive = async (itemId: string) => {
    await page().waitForSelector(`[role=option][aria-selected=true][data-item-id="${itemId}"]`);
    await page().keyboard.press('Enter');
    await page().waitForSelector('[data-testid=command-palette]', { state: 'detached' });
  };
  const conversation = (id: string) =>
    h.admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${id}`);
  const until = async (id: string, check: (c: ConversationSummaryDto) => boolean) => {
    let last: ConversationSummaryDto | null = null;
    await waitUntil(
      async () => check((last = await conversation(id))),
      async () => `conversation is ${JSON.stringify(last)}`,
    );
  };

  it('opens on Ctrl+K as an ARIA combobox, and Escape gives focus back', async () => {
    await page().focus('[data-testid=feed-search]');
    await page().keyboard.press('Control+k');
    const input = page().locator('[data-testid=palette-input]');
    await input.waitFor();
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'combobox',
    );
    const listId = await input.getAttribute('aria-controls');
    expect(await page().getAttribute(`[id="${listId}"]`, 'role')).toBe('listbox');
    // Without an open conversation there are no actions on one; navigation is there.
    expect(await page().locator('[data-item-id=close]').count()).toBe(0);
    expect(await page().locator('[data-item-id=status-closed]').count()).toBe(1);

    // Arrows move the active option; aria-activedescendant names it.
    const first = await input.getAttribute('aria-activedescendant');
    await page().keyboard.press('ArrowDown');
    const second = await input.getAttribute('aria-activedescendant');
    expect(second).not.toBe(first);
    expect(await page().getAttribute(`[id="${second}"]`, 'aria-selected')).toBe('true');
    expect(await page().getAttribute(`[id="${second}"]`, 'role')).toBe('option');

    await page().keyboard.press('Escape');
    await page().waitForSelector('[data-testid=command-palette]', { state: 'detached' });
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'feed-search',
    );
    // Escape closed the palette only: the search box keeps focus and the app is as it was.
    expect(await page().isVisible('[data-testid=conversation-empty]')).toBe(true);
    await page().keyboard.press('Escape'); // leaves the search box
  });

  it('jumps to a conversation by #number, by number alone, and by customer name or email', async () => {
    const grace = await h.conversationOf('Grace Hopper');
    await openPalette(`#${grace.number}`);
    await runActive(`conversation-${grace.id}`);
    await ui.waitForConversation('Grace Hopper');

    const ada = await h.conversationOf('Ada Lovelace');
    await openPalette(String(ada.number));
    await runActive(`conversation-${ada.id}`);
    await ui.waitForConversation('Ada Lovelace');

    const katherine = await h.conversationOf('Katherine Johnson');
    await openPalette('katherine');
    await runActive(`conversation-${katherine.id}`);
    await ui.waitForConversation('Katherine Johnson');

    // Found by the server (email, message text), in a conversation the feed does not list.
    const hedy = await h.conversationOf('Hedy Lamarr');
    await h.admin.ok('POST', `/api/conversations/${hedy.id}/close`);
    await openPalette('hedy@frequency');
    await runActive(`conversation-${hedy.id}`);
    await ui.waitForConversation('Hedy Lamarr');
    await openPalette('antennas');
    await page().waitForSelector(`[data-item-id="conversation-${hedy.id}"]`);
    await page().keyboard.press('Escape');
    await h.admin.ok('POST', `/api/conversations/${hedy.id}/reopen`);
    expect(ui.pageErrors).toEqual([]);
  });

  it('runs actions on the open conversation: assign, tag, snooze, close', async () => {
    const grace = await h.conversationOf('Grace Hopper');
    await openPalette(`#${grace.number}`);
    await runActive(`conversation-${grace.id}`);
    await ui.waitForConversation('Grace Hopper');

    await openPalette('assign to me');
    await runActive('assign-me');
    await until(grace.id, (c) => c.assigneeId === adminId);

    await openPalette('unassign');
    await runActive('unassign');
    await until(grace.id, (c) => c.assigneeId === null);

    await openPalette('#vip');
    await runActive('tag-new');
    await until(grace.id, (c) => c.tags.some((t) => t.name === 'vip'));

    await openPalette('remove tag vip');
    await page().waitForSelector('[data-item-id^="untag-"]');
    await page().keyboard.press('Escape');

    await openPalette('snooze');
    await page().waitForSelector('[role=option][aria-selected=true][data-item-id^="snooze-"]');
    await ui.screenshot('command-palette');
    await page().fill('[data-testid=palette-input]', 'snooze tomorrow');
    await runActive('snooze-tomorrow_morning');
    const tomorrowNine = wallClockInstant(OPERATOR.timezone, 1, 9).toISOString();
    await until(grace.id, (c) => c.status === 'snoozed' && c.snoozedUntil === tomorrowNine);

    const katherine = await h.conversationOf('Katherine Johnson');
    await openPalette(`#${katherine.number}`);
    await runActive(`conversation-${katherine.id}`);
    await ui.waitForConversation('Katherine Johnson');
    // "close" also appears in no customer's name: the action is what Enter runs.
    await openPalette('close');
    await runActive('close');
    await until(katherine.id, (c) => c.status === 'closed');

    // A closed conversation offers Reopen instead of Close.
    await openPalette(`#${katherine.number}`);
    await runActive(`conversation-${katherine.id}`);
    await ui.waitForConversation('Katherine Johnson');
    await openPalette('reopen');
    await runActive('reopen');
    await until(katherine.id, (c) => c.status === 'open');
    expect(ui.pageErrors).toEqual([]);
  });

  it('switches inbox, status view and saved view', async () => {
    await page().keyboard.press('Escape');
    await openPalette('second desk');
    await runActive(`inbox-${secondInboxId}`);
    await ui.waitForFeed(['Hedy Lamarr']);

    await openPalette('all inboxes');
    await runActive('inbox-all');
    const open = ['Ada Lovelace', 'Alan Turing', 'Hedy Lamarr', 'Katherine Johnson'];
    await waitUntil(
      async () => JSON.stringify((await ui.feedNames()).sort()) === JSON.stringify(open),
      async () => `feed is ${JSON.stringify(await ui.feedNames())}`,
    );

    await openPalette('show snoozed');
    await runActive('status-snoozed');
    await ui.waitForFeed(['Grace Hopper']);
    expect(await page().getAttribute('[data-testid=tab-snoozed]', 'aria-selected')).toBe('true');

    await openPalette('vip queue');
    await page().waitForSelector('[data-item-id^="view-"][aria-selected=true]');
    await page().keyboard.press('Enter');
    // The view is open conversations tagged vip: Grace is snoozed, so none yet.
    await page().waitForSelector('[data-testid=feed-empty]');
    await openPalette('show open');
    await runActive('status-open');

    // Settings and other screens, and back to the inbox.
    await openPalette('settings');
    await runActive('settings');
    await page().waitForSelector('[data-testid=settings]');
    const ada = await h.conversationOf('Ada Lovelace');
    await openPalette(`#${ada.number}`);
    await runActive(`conversation-${ada.id}`);
    await page().waitForSelector('[data-testid=settings]', { state: 'detached' });
    await ui.waitForConversation('Ada Lovelace');
    expect(ui.pageErrors).toEqual([]);
  });

  it('is listed in the shortcuts help, which the palette also opens', async () => {
    await openPalette('keyboard shortcuts');
    await runActive('shortcuts');
    const dialog = page().locator('[data-testid=shortcuts-dialog]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Command palette');
    expect(await dialog.textContent()).toContain('Ctrl K');
    await page().keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(ui.pageErrors).toEqual([]);
  });
});
