import type { ConversationSummaryDto, InvitationDto, Page, TaskDto } from '@switchboard/contracts';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const MAREK = { email: 'marek@example.test', password: 'marek-password-1' };

/** Tomorrow's date where the operator is, and the instant 14:00 there is (DST-proof, via Intl). */
function tomorrowAtTwoPm(timeZone: string): { local: string; instant: string } {
  const parts = (d: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const day = parts(new Date(Date.now() + 86_400_000));
  const local = `${day['year']}-${day['month']}-${day['day']}T14:00`;
  const guess = Date.parse(`${local}:00Z`);
  const shown = parts(new Date(guess));
  const shownMs = Date.parse(
    `${shown['year']}-${shown['month']}-${shown['day']}T${shown['hour']}:${shown['minute']}:00Z`,
  );
  return { local, instant: new Date(guess - (shownMs - guess)).toISOString() };
}

/**
 * A task from a message in the browser: created for a colleague with a due time on the operator's
 * clock, the colleague is notified in their own browser, finds it on the Tasks screen (mine, all,
 * overdue, done), opens its conversation from there, and marks it done; the task's state shows in
 * the conversation's header and timeline for the creator, live.
 */
describe('inbox: tasks from a message', () => {
  let h: InboxHarness;
  let anna: InboxPage;
  let marek: InboxPage;
  let marekId: string;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.customer('Ada Lovelace').say('Please refund   order 42\nThanks a lot');
    const invitation = await h.admin.ok<InvitationDto>('POST', '/api/invitations', {
      email: MAREK.email,
      role: 'agent',
    });
    const token = new URL(invitation.acceptUrl).hash.replace('#token=', '');
    const accepted = await h.admin.ok<{ operator: { id: string } }>(
      'POST',
      '/api/invitations/accept',
      { token, name: 'Marek Nowak', password: MAREK.password, session: 'bearer' },
    );
    marekId = accepted.operator.id;
    anna = await h.openPage();
    await anna.login();
    marek = await h.openPage();
    await marek.login(MAREK);
  });

  afterAll(async () => {
    await anna?.close();
    await marek?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(anna?.pageErrors ?? []).toEqual([]);
    expect(marek?.pageErrors ?? []).toEqual([]);
  });

  const tabIds = async (page: InboxPage) =>
    page.page
      .locator('[data-testid=task-list] [data-testid=task-item]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-task-id')));
  const showTab = async (page: InboxPage, view: string, ids: string[]) => {
    await page.page.click(`[data-testid=tasks-tab-${view}]`);
    await page.page.waitForSelector(`[data-testid=task-list][data-view=${view}]`, {
      state: 'attached',
    });
    await waitUntil(
      async () => JSON.stringify(await tabIds(page)) === JSON.stringify(ids),
      async () =>
        `${view} tab shows ${JSON.stringify(await tabIds(page))}, want ${JSON.stringify(ids)}`,
    );
  };

  it('creates a task from a message for a colleague, who is notified and works it from the Tasks screen', async () => {
    await anna.waitForFeed(['Ada Lovelace']);
    await anna.openRow('Ada Lovelace');
    await anna.waitForConversation('Ada Lovelace');
    const message = anna.page.locator('[data-testid=timeline-message]', {
      hasText: 'Please refund',
    });
    await message.locator('[data-testid=message-create-task]').click();
    const dialog = anna.page.locator('[data-testid=task-dialog]');
    expect(await dialog.locator('input[name=title]').inputValue()).toBe('Please refund order 42');
    expect(await dialog.textContent()).toContain(`Time zone: ${OPERATOR.timezone}`);
    await dialog.locator('textarea[name=description]').fill('She paid twice');
    await dialog.locator('select[name=assigneeId]').selectOption({ label: 'Marek Nowak' });
    const due = tomorrowAtTwoPm(OPERATOR.timezone);
    await dialog.locator('input[name=dueAt]').fill(due.local);
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'detached' });

    // Stored as the instant 14:00 is on Anna's clock (Europe/Berlin), linked to message and customer.
    const [task] = (await h.admin.ok<Page<TaskDto>>('GET', '/api/tasks?view=all')).items;
    expect(task).toMatchObject({
      title: 'Please refund order 42',
      description: 'She paid twice',
      assignee: { id: marekId, name: 'Marek Nowak' },
      dueAt: due.instant,
      contact: { name: 'Ada Lovelace' },
    });
    expect(task!.sourceMessageId).toBe(await message.getAttribute('data-message-id'));

    // The header badge and the timeline show it to Anna.
    const badge = anna.page.locator('[data-testid=conversation-task-badge]');
    await waitUntil(
      async () =>
        (await badge.textContent().catch(() => '')) === '1 open task · next due Tomorrow 14:00',
      async () => `badge: ${await badge.textContent().catch(() => null)}`,
    );
    await anna.page
      .locator('[data-testid=timeline-activity]', {
        hasText:
          'Anna Schmidt created the task “Please refund order 42” for Marek Nowak, due Tomorrow 14:00',
      })
      .waitFor();

    // Marek is told in his own browser.
    await waitUntil(
      async () =>
        (await marek.page
          .locator('[data-testid=notification-count]')
          .textContent({ timeout: 100 })
          .catch(() => null)) === '1',
      async () => 'Marek has no unread notification',
    );
    await marek.page.click('[data-testid=notification-centre-button]');
    const item = marek.page.locator('[data-testid=notification-item]').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('New task for you: Ada Lovelace');
    await marek.page.keyboard.press('Escape');

    // A second task, about to fall due: it reaches the overdue tab and Marek hears it is due.
    const soon = await h.admin.ok<TaskDto>('POST', '/api/tasks', {
      title: 'Send the label',
      assigneeId: marekId,
      dueAt: new Date(Date.now() + 2_500).toISOString(),
      conversationIds: [task!.conversations[0]!.id],
    });

    await marek.page.click('[data-testid=nav-tasks]');
    await marek.page.waitForSelector('[data-testid=tasks-screen]');
    await showTab(marek, 'mine', [soon.id, task!.id]);
    await waitUntil(
      async () =>
        (await marek.notifications()).some((n) => n.title === 'A task is due: Ada Lovelace') ||
        (await marek.page.locator('[data-testid=last-notification]').textContent())?.includes(
          'A task is due',
        ) === true,
      async () => `notifications: ${JSON.stringify(await marek.notifications())}`,
    );
    await showTab(marek, 'overdue', [soon.id]);
    await showTab(marek, 'done', []);
    await showTab(marek, 'all', [soon.id, task!.id]);
    await marek.screenshot('tasks-screen');

    // The linked conversation opens from the task.
    await marek.page
      .locator(
        `[data-testid=task-item][data-task-id="${task!.id}"] [data-testid=task-conversation]`,
      )
      .click();
    await marek.waitForConversation('Ada Lovelace');
    await marek.page.waitForSelector('[data-testid=conversation-task-badge][data-open-count="2"]');

    // Marek marks it done from the header's list; Anna's header and timeline follow live.
    await marek.page.click('[data-testid=conversation-task-badge]');
    await marek.page
      .locator(
        `[data-testid=conversation-task-list] [data-task-id="${task!.id}"] [data-testid=task-done]`,
      )
      .click();
    await anna.page.waitForSelector('[data-testid=conversation-task-badge][data-open-count="1"]');
    await anna.page
      .locator('[data-testid=timeline-activity]', {
        hasText: 'Marek Nowak completed the task “Please refund order 42”',
      })
      .waitFor();
    await anna.page
      .locator('[data-testid=timeline-activity]', {
        hasText: 'The task “Send the label” for Marek Nowak is due',
      })
      .waitFor();
    await marek.page.click('[data-testid=nav-tasks]');
    await showTab(marek, 'done', [task!.id]);
    await showTab(marek, 'mine', [soon.id]);
    await anna.screenshot('tasks-conversation');
  });
  it('links a task to another conversation by its number, and unlinks it', async () => {
    await h.customer('Bob Marley').say('Same parcel as Ada');
    const all = async () =>
      (
        await h.admin.ok<Page<ConversationSummaryDto>>(
          'GET',
          '/api/conversations?status=all&limit=50',
        )
      ).items;
    await waitUntil(
      async () => (await all()).some((c) => c.contact.name === 'Bob Marley'),
      async () => 'Bob has no conversation yet',
    );
    const conversations = await all();
    const ada = conversations.find((c) => c.contact.name === 'Ada Lovelace')!;
    const bob = conversations.find((c) => c.contact.name === 'Bob Marley')!;
    const task = await h.admin.ok<TaskDto>('POST', '/api/tasks', {
      title: 'One parcel for two customers',
      assigneeId: marekId,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      conversationIds: [ada.id],
    });

    await marek.page.click('[data-testid=nav-tasks]');
    await marek.page.click('[data-testid=tasks-tab-mine]');
    const item = marek.page.locator(`[data-testid=task-item][data-task-id="${task.id}"]`);
    await item.waitFor();
    const linked = async () =>
      item
        .locator('[data-testid=task-conversation]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation-id')));
    // The only link cannot be removed.
    expect(await item.locator('[data-testid=task-unlink]').count()).toBe(0);

    // A number nobody has is refused in the form, and nothing is linked.
    await item.locator('[data-testid=task-link-open]').click();
    await item.locator('[data-testid=task-link-number]').fill('#999999');
    await item.locator('[data-testid=task-link-number]').press('Enter');
    await item.locator('[data-testid=task-link-error]', { hasText: '#999999' }).waitFor();
    expect(await linked()).toEqual([ada.id]);

    await item.locator('[data-testid=task-link-number]').fill(`#${bob.number}`);
    await item.locator('[data-testid=task-link-number]').press('Enter');
    await waitUntil(
      async () => JSON.stringify(await linked()) === JSON.stringify([ada.id, bob.id]),
      async () => `linked: ${JSON.stringify(await linked())}`,
    );
    const stored = await h.admin.ok<TaskDto>('GET', `/api/tasks/${task.id}`);
    expect(stored.conversations.map((c) => c.id)).toEqual([ada.id, bob.id]);

    await item
      .locator(`li:has([data-conversation-id="${bob.id}"]) [data-testid=task-unlink]`)
      .click();
    await waitUntil(
      async () => JSON.stringify(await linked()) === JSON.stringify([ada.id]),
      async () => `linked after unlink: ${JSON.stringify(await linked())}`,
    );
    const after = await h.admin.ok<TaskDto>('GET', `/api/tasks/${task.id}`);
    expect(after.conversations.map((c) => c.id)).toEqual([ada.id]);
  });
});
