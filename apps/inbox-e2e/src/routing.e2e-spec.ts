import type {
  ConversationSummaryDto,
  LoginResponseDto,
  Page,
  TeamDto,
} from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

/**
 * Fair routing in the browser: a team's routing settings (a refusal shown as the server gives
 * it, then round-robin with a maximum of 1), and the People screen's load and live queue.
 */
describe('inbox: fair routing', () => {
  let h: InboxHarness;
  let admin: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    for (const name of ['Ada', 'Bob', 'Cy']) await h.customer(name).say(`Hello from ${name}`);
    admin = await h.openPage();
    await admin.login();
  });

  afterAll(async () => {
    await admin?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(admin?.pageErrors ?? []).toEqual([]);
  });

  it('saves a team’s routing and shows the queue draining live', async () => {
    const me = await h.admin.ok<LoginResponseDto['operator']>('GET', '/api/auth/me');
    const front = await h.admin.ok<TeamDto>('POST', '/api/teams', { name: 'Front' });
    await h.admin.ok('PUT', `/api/teams/${front.id}/members`, { operatorIds: [me.id] });
    await h.admin.ok('POST', '/api/teams', { name: 'Nobody' });

    await admin.page.click('[data-testid=settings-open]');
    await admin.page.click('[data-testid=settings-teams]');
    const nobody = admin.page.locator('[data-testid=team-row][data-team="Nobody"]');
    await nobody.getByTestId('team-routing-round-robin').check();
    await nobody.getByTestId('team-routing-save').click();
    await nobody.getByTestId('team-routing-error').getByText('has no members').waitFor();

    const row = admin.page.locator('[data-testid=team-row][data-team="Front"]');
    await row.getByTestId('team-routing-round-robin').check();
    await row.getByTestId('team-routing-max').fill('1');
    await row.getByTestId('team-routing-save').click();
    await admin.page.getByText('Routing saved').waitFor();

    // Three conversations given to the team: the admin (online, connected) gets one, two wait.
    const feed = await h.admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    await h.admin.ok('POST', '/api/conversations/assign', {
      conversationIds: feed.items.map((c) => c.id),
      teamId: front.id,
    });
    await admin.page.click('[data-testid=settings-people]');
    const rows = admin.page.getByTestId('routing-queue-row');
    await waitForCount(rows, 2);
    await admin.page
      .getByTestId('routing-queue-wait')
      .first()
      .getByText(/waiting \d+ s/)
      .waitFor();
    const load = admin.page.locator('[data-testid=routing-load-row][data-state=available]');
    await load.getByTestId('routing-load-count').getByText('1 / 1').waitFor();
    await admin.screenshot('routing-queue');

    // Closing the admin's conversation gives them the next in line, live.
    const mine = (
      await h.admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')
    ).items.find((c) => c.assigneeId === me.id)!;
    await h.admin.ok('POST', `/api/conversations/${mine.id}/close`);
    await waitForCount(rows, 1);
  });
});

async function waitForCount(
  locator: ReturnType<InboxPage['page']['getByTestId']>,
  n: number,
): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await locator.count()) === n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n}, saw ${await locator.count()}`);
}
