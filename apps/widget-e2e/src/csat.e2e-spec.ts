import type {
  AuditLogEntryDto,
  ConversationCsatEnvelopeDto,
  ConversationSummaryDto,
  Page as ApiPage,
} from '@switchboard/contracts';
import { WebchatHarness } from './support/webchat-harness';
import { WidgetUi } from './support/widget-ui';

/**
 * A satisfaction survey in the real widget: surveys on (audited), the operator closes the chat,
 * the visitor rates it 2 with a comment using the keyboard-reachable buttons, sees thanks (also
 * after a reload), and the operator's API shows the rating.
 */
describe('CSAT survey in the web chat widget (Chromium)', () => {
  let h: WebchatHarness;

  // Starting the API (migrations on a fresh database) and Chromium is slow on a busy machine.
  beforeAll(async () => {
    h = await WebchatHarness.start();
  }, 240_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('the visitor rates a closed conversation once; the operator sees the rating', async () => {
    await h.admin.ok('PUT', `/api/inboxes/${h.inbox.id}/csat-settings`, {
      enabled: true,
      delayMinutes: 0,
      question: 'How did we do today?',
      scale: 'csat',
      commentEnabled: true,
      quietDays: 30,
    });
    const audit = await h.admin.ok<ApiPage<AuditLogEntryDto>>(
      'GET',
      '/api/audit-log?action=csat.settings_changed',
    );
    expect(audit.items[0]).toMatchObject({
      action: 'csat.settings_changed',
      target: { type: 'inbox', id: h.inbox.id },
      details: { changed: ['enabled', 'question'], enabled: true },
    });

    const page = await h.newPage();
    await page.goto(h.site.url('/orders'));
    const widget = new WidgetUi(page);
    await widget.open();
    await widget.send('My order is late');
    await widget.waitForMessage('visitor', 'My order is late', 'delivered');
    const feed = await h.admin.ok<ApiPage<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    const conversation = feed.items.find((c) => c.lastMessagePreview === 'My order is late');
    expect(conversation).toBeDefined();
    await h.admin.ok('POST', `/api/conversations/${conversation!.id}/close`, {});

    // The survey's message arrives live; the rating row sits right under it.
    await widget.waitForMessage('operator', 'How did we do today?');
    await page.waitForSelector(
      '.sb-log li[data-author=operator]:has(.sb-text:text-is("How did we do today?")) + li.sb-csat[data-state=open]',
      { timeout: 15_000 },
    );
    await page.click('.sb-csat button[aria-label="Rate 2 out of 5"]');
    expect(await page.getAttribute('.sb-csat button[data-rating="2"]', 'aria-pressed')).toBe(
      'true',
    );
    await page.fill(
      '.sb-csat textarea[aria-label="Anything you would like to add? (optional)"]',
      'Took three days',
    );
    await page.click('.sb-csat-form button:text-is("Send rating")');
    await page.waitForSelector(
      '.sb-csat[data-state=answered]:has-text("Thank you for your feedback! You rated us 2 out of 5.")',
    );
    expect(await page.$$('.sb-csat button')).toHaveLength(0);

    const { survey } = await h.admin.ok<ConversationCsatEnvelopeDto>(
      'GET',
      `/api/conversations/${conversation!.id}/csat`,
    );
    expect(survey).toMatchObject({
      state: 'answered',
      scale: 'csat',
      response: { rating: 2, comment: 'Took three days' },
    });

    // After a reload the API says it was answered: thanks, no buttons.
    await page.reload();
    await widget.open();
    await page.waitForSelector('.sb-csat[data-state=answered]:has-text("You rated us 2 out of 5")');
    expect(await page.$$('.sb-csat button')).toHaveLength(0);
    expect(h.pageErrors).toEqual([]);
  });
});
