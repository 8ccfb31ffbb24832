import type { InvitationDto, LoginResponseDto } from '@switchboard/contracts';
import { createApiInbox, type ApiClient } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

const AGENT = { email: 'rita@example.test', password: 'rita-password-1' };

/**
 * Inbox access in the browser: an agent does not see the conversations of an inbox restricted to
 * others, in the feed or its counts; once the admin puts them in a team (Settings → Teams) and
 * gives that team the inbox (the inbox's Access section), they do.
 */
describe('inbox: access through teams', () => {
  let h: InboxHarness;
  let admin: InboxPage;
  let agent: InboxPage;
  let samCustomer: ReturnType<InboxHarness['customer']> | undefined;
  /** One customer of the restricted inbox, writing twice into one conversation. */
  const sam = () => (samCustomer ??= h.customer('Sam Secret'));

  /** An agent joins through an invitation, as a real colleague would. */
  const inviteAgent = async (client: ApiClient) => {
    const invitation = await client.ok<InvitationDto>('POST', '/api/invitations', {
      email: AGENT.email,
      role: 'agent',
    });
    const token = new URL(invitation.acceptUrl).hash.replace('#token=', '');
    await client.ok<LoginResponseDto>('POST', '/api/invitations/accept', {
      token,
      name: 'Rita Agent',
      password: AGENT.password,
      session: 'bearer',
    });
  };

  beforeAll(async () => {
    h = await InboxHarness.start();
    // The harness's inbox ("Shop API") is restricted to a team without Rita; "Everyone" is open.
    const everyone = await createApiInbox(h.admin, 'Everyone');
    await inviteAgent(h.admin);
    const others = await h.admin.ok<{ id: string }>('POST', '/api/teams', { name: 'Others' });
    await h.admin.ok('PUT', `/api/inboxes/${h.inboxId}/access`, {
      operatorIds: [],
      teamIds: [others.id],
    });
    await everyone.customer.say('Hello from an open inbox');
    await sam().say('About my invoice');
    agent = await h.openPage();
    await agent.login(AGENT);
  });

  afterAll(async () => {
    await admin?.close();
    await agent?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(agent?.pageErrors ?? []).toEqual([]);
  });

  it('hides the restricted inbox from the agent until the admin adds them through a team', async () => {
    await agent.waitForFeed(['Test Customer']);
    // Live events of the restricted inbox do not reach the agent either.
    await sam().say('Still waiting');
    await h.customer('Tina Open').say('ignored: restricted inbox too');
    await new Promise((r) => setTimeout(r, 500));
    expect(await agent.feedNames()).toEqual(['Test Customer']);

    admin = await h.openPage();
    await admin.login();
    await admin.page.click('[data-testid=settings-open]');
    await admin.page.click('[data-testid=settings-teams]');
    await admin.page.getByLabel('New team name').fill('Billing');
    await admin.page.getByRole('button', { name: 'Create team' }).click();
    const row = admin.page.locator('[data-testid=team-row][data-team="Billing"]');
    await row.waitFor();
    await row.getByRole('group', { name: 'Members of Billing' }).getByLabel('Rita Agent').check();
    await admin.page.getByText('Team saved').waitFor();

    await admin.page.click('[data-testid=settings-inbox]:has-text("Shop API")');
    const access = admin.page.getByTestId('inbox-access');
    await access.getByRole('group', { name: 'Teams' }).getByLabel('Billing').check();
    await access.getByRole('button', { name: 'Save access' }).click();
    await admin.page.getByText('Access saved').waitFor();

    // Live, without a reload: the agent's feed gains the inbox's conversations.
    await agent.waitForFeed(['Tina Open', 'Sam Secret', 'Test Customer']);
    await agent.openRow('Sam Secret');
  });
});
