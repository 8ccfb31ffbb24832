import type { CannedReplyDto, Page, RuleDto, RuleRunDto, TeamDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const GREETING = 'Hello! We got your message and will answer shortly.';

/**
 * A rule built in the browser does the routine: the admin composes "Refunds" on the Automation
 * screen (a refused save keeps the form), a customer writes about a refund, and the operator sees
 * the tag, the team, the rule's timeline activity and the greeting sent on the customer's channel;
 * the rule log shows the run.
 */
describe('inbox: automation rules', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let payments: TeamDto;

  beforeAll(async () => {
    h = await InboxHarness.start();
    payments = await h.admin.ok<TeamDto>('POST', '/api/teams', { name: 'Payments' });
    await h.admin.ok<CannedReplyDto>('POST', '/api/canned-replies', {
      scope: 'shared',
      title: 'Greeting',
      shortcut: 'greeting',
      body: GREETING,
    });
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await ui?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
  });

  it('builds the Refunds rule in the editor and the next refund message is tagged, routed and greeted', async () => {
    const page = ui.page;
    await page.click('[data-testid=nav-automation]');
    await page.waitForSelector('[data-testid=rules-empty]');
    await page.click('[data-testid=rule-new]');
    const editor = page.locator('[data-testid=rule-editor]');

    // Saving an incomplete form says where, and stores nothing.
    await ui.screenshot('automation-rule-editor');
    await editor.locator('[data-testid=rule-save]').click();
    await editor.locator('[data-testid=rule-field-error]').first().waitFor();
    expect(await editor.locator('[data-testid=rule-editor-error]').textContent()).toBe(
      'Fix the marked fields first.',
    );

    await editor.locator('input[name=name]').fill('Refunds');
    expect(await editor.locator('select[name=triggerEvent]').inputValue()).toBe('message_received');
    await editor.locator('[data-testid=rule-add-group]').click();
    const words = editor.locator('[data-testid=rule-condition-words] input');
    await words.fill('refund');
    await words.press('Enter');

    const tags = editor.locator('[data-testid=rule-action-tags] input');
    await tags.fill('refund');
    await tags.press('Enter');
    await editor.locator('[data-testid=rule-add-action]').click();
    await editor.locator('select[name=actionType]').nth(1).selectOption('assign_team');
    await editor.locator('select[name=teamId]').selectOption({ label: 'Payments' });
    await editor.locator('[data-testid=rule-add-action]').click();
    await editor.locator('select[name=actionType]').nth(2).selectOption('send_canned_reply');
    await editor
      .locator('select[name=cannedReplyId]')
      .selectOption({ label: 'Greeting (/greeting)' });
    await editor.locator('[data-testid=rule-save]').click();

    const item = page.locator('[data-testid=rule-item]', { hasText: 'Refunds' });
    await item.waitFor();
    const [rule] = await h.admin.ok<RuleDto[]>('GET', '/api/automation/rules');
    expect(rule).toMatchObject({
      name: 'Refunds',
      enabled: true,
      trigger: { kind: 'event', event: 'message_received' },
      conditions: {
        match: 'all',
        groups: [
          {
            match: 'all',
            conditions: [{ field: 'message_text', op: 'contains_any', value: ['refund'] }],
          },
        ],
      },
      actions: [
        { type: 'add_tags', tags: ['refund'] },
        { type: 'assign_team', teamId: payments.id },
        { type: 'send_canned_reply' },
      ],
    });

    // The customer writes; the operator sees what the rule did.
    await h.customer('Rita Refund').say('Hello, I want a refund');
    await page.click('[data-testid=nav-inbox]');
    await ui.waitForFeed(['Rita Refund']);
    await ui.openRow('Rita Refund');
    await ui.waitForConversation('Rita Refund');
    await page
      .locator('[data-testid=timeline-activity]', {
        hasText: "Rule 'Refunds' tagged refund, assigned to Payments",
      })
      .waitFor();
    await page
      .locator('[data-testid=tag-editor] [data-testid=tag-chip][data-tag=refund]')
      .waitFor();
    await page.locator('[data-testid=assigned-team]', { hasText: 'Payments' }).waitFor();
    await page
      .locator('[data-testid=timeline-message][data-kind=message]', { hasText: GREETING })
      .waitFor();
    await ui.screenshot('automation-rule-applied');
    // Sent on the customer's channel: the API channel's endpoint received it.
    await waitUntil(
      () => h.receiver.received.find((r) => r.text === GREETING),
      () => `received: ${JSON.stringify(h.receiver.received)}`,
    );

    // The rule log shows the run, with a link to the conversation.
    await page.click('[data-testid=nav-automation]');
    await page.click('[data-testid=automation-tab-log]');
    const run = page.locator('[data-testid=rule-run][data-outcome=applied]', {
      hasText: 'Refunds',
    });
    await run.waitFor();
    const conversation = await h.conversationOf('Rita Refund');
    expect(await run.locator('[data-testid=rule-run-conversation]').textContent()).toBe(
      `Open conversation #${conversation.number}`,
    );
    const log = await h.admin.ok<Page<RuleRunDto>>(
      'GET',
      `/api/automation/runs?ruleId=${rule?.id ?? ''}`,
    );
    expect(log.items).toHaveLength(1);

    // Tried on that conversation: what the rule would do now, without changing anything.
    await page.click('[data-testid=automation-tab-rules]');
    await item.locator('[data-testid=rule-open]').click();
    const tryForm = page.locator('[data-testid=rule-try]');
    await tryForm.locator('input[name=conversationNumber]').fill(`#${conversation.number}`);
    await tryForm.locator('button[type=submit]').click();
    const tried = tryForm.locator('[data-testid=rule-try-result]');
    await tried.waitFor();
    expect(await tried.getAttribute('data-matched')).toBe('true');
    expect(await tried.locator('[data-testid=rule-try-group]').textContent()).toBe(
      'Group 1: matches',
    );
    expect(await tried.locator('[data-testid=rule-action-result]').count()).toBe(3);
    expect((await h.admin.ok<Page<RuleRunDto>>('GET', '/api/automation/runs')).items).toHaveLength(
      1,
    );
  });

  it('shows the server refusing a loop next to the form, and keeps what was entered', async () => {
    await h.admin.ok<RuleDto>('POST', '/api/automation/rules', {
      name: 'Route tagged',
      trigger: { kind: 'event', event: 'tag_added' },
      actions: [{ type: 'assign_team', teamId: payments.id }],
    });
    const page = ui.page;
    await page.click('[data-testid=automation-tab-rules]');
    await page.click('[data-testid=rule-new]');
    const editor = page.locator('[data-testid=rule-editor]');
    await editor.locator('input[name=name]').fill('Tag assigned');
    await editor.locator('select[name=triggerEvent]').selectOption('assigned');
    const tags = editor.locator('[data-testid=rule-action-tags] input');
    await tags.fill('routed');
    await tags.press('Enter');
    await editor.locator('[data-testid=rule-save]').click();
    const refusal = editor.locator('[data-testid=rule-editor-error]');
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('The rule was not saved');
    expect(text).toContain('Route tagged');
    expect(await editor.locator('input[name=name]').inputValue()).toBe('Tag assigned');
    expect(await editor.locator('[data-testid=rule-chip]').textContent()).toContain('routed');
    const names = (await h.admin.ok<RuleDto[]>('GET', '/api/automation/rules')).map((r) => r.name);
    expect(names).toEqual(['Refunds', 'Route tagged']);
  });
});
