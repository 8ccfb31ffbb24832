import type { ConversationSummaryDto, Page as ApiPage } from '@switchboard/contracts';
import { auditAccessibility, faintFieldEdges } from '@switchboard/testing';
import type { Page } from 'playwright-core';
import { WebchatHarness } from './support/webchat-harness';
import { WidgetUi } from './support/widget-ui';

/** The widget's shadow root, and nothing of the customer's page around it (not ours to judge). */
const WIDGET = ['[data-switchboard-widget]', '.sb-root'];

/**
 * WCAG 2.2 AA for the visitor: axe-core audits the launcher and the open chat with messages both
 * ways (zero serious or critical findings), and the keyboard reaches and sees every control.
 */
describe('web chat widget: accessibility (axe-core, closed and open)', () => {
  let h: WebchatHarness;

  beforeAll(async () => {
    h = await WebchatHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const audit = async (page: Page, screen: string) => {
    const { blocking, passed } = await auditAccessibility(page, WIDGET);
    expect(passed).toBeGreaterThan(3);
    const faint = await faintFieldEdges(page, '[data-switchboard-widget] .sb-root');
    return [...blocking, ...faint].map((line) => `${screen}: ${line}`);
  };

  /** The focused element inside the widget's shadow root, and whether its focus shows. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('[data-switchboard-widget]')?.shadowRoot;
      const el = root?.activeElement as HTMLElement | null | undefined;
      if (!el) return null;
      // A visually hidden control (the file input) shows its focus on what wraps it.
      const shown = getComputedStyle(el).opacity === '0' ? (el.parentElement ?? el) : el;
      const style = getComputedStyle(shown);
      return {
        what: `${el.tagName.toLowerCase()}.${el.className}`,
        name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
        visible:
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
          style.boxShadow !== 'none',
      };
    });

  it('the launcher and the open chat with messages have no serious findings', async () => {
    const page = await h.newPage();
    await page.goto(h.site.url('/tents'));
    await page.waitForSelector('.sb-bubble');
    const findings = await audit(page, 'closed');

    // The launcher is reached by Tab, says what it does, and shows its focus.
    for (let i = 0; i < 30 && (await focused(page)) === null; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({
      what: 'button.sb-bubble',
      name: 'Open chat',
      visible: true,
    });
    expect(await page.getAttribute('.sb-bubble', 'aria-expanded')).toBe('false');

    const widget = new WidgetUi(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.sb-chat textarea', { state: 'visible' });
    await widget.send('Do you ship to Norway?');
    await widget.waitForMessage('visitor', 'Do you ship to Norway?', 'delivered');
    const feed = await h.admin.ok<ApiPage<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open&limit=10',
    );
    const conversation = feed.items[0];
    if (!conversation) throw new Error('the visitor started no conversation');
    await h.admin.ok('POST', `/api/conversations/${conversation.id}/messages`, {
      text: 'Yes, in 3 days.',
    });
    await widget.waitForMessage('operator', 'Yes, in 3 days.');
    expect(await page.getAttribute('.sb-bubble', 'aria-expanded')).toBe('true');
    findings.push(...(await audit(page, 'open')));

    // Every control of the open chat is reached by Tab and shows its focus.
    const seen: Array<{ what: string; visible: boolean }> = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const state = await focused(page);
      if (state) seen.push({ what: state.what, visible: state.visible });
    }
    expect(seen.length).toBeGreaterThan(2);
    findings.push(
      ...seen.filter((s) => !s.visible).map((s) => `open: focus not visible on ${s.what}`),
    );

    expect(findings).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
