import type { Page } from 'playwright-core';

/**
 * The chat widget inside a customer page. Playwright's CSS selectors pierce the open shadow root
 * the loader creates, so these read the UI as the visitor sees it.
 */
export class WidgetUi {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.click('.sb-bubble');
    await this.page.waitForSelector('.sb-chat textarea', { state: 'visible' });
  }

  async send(text: string): Promise<void> {
    await this.page.fill('.sb-chat textarea', text);
    await this.page.press('.sb-chat textarea', 'Enter');
  }

  async leaveEmail(email: string): Promise<void> {
    await this.page.fill('.sb-email input[type=email]', email);
    await this.page.click('.sb-email button');
    await this.page.waitForSelector(`.sb-email label:has-text("${email}")`);
  }

  /** Message texts in the log, oldest first, with who wrote them. */
  messages(): Promise<Array<{ author: string; text: string; status: string | null }>> {
    return this.page.$$eval('.sb-log li[data-author]', (items) =>
      items.map((li) => ({
        author: li.getAttribute('data-author') ?? '',
        text: li.querySelector('.sb-text')?.textContent ?? '',
        status: li.querySelector('.sb-meta')?.getAttribute('data-status') ?? null,
      })),
    );
  }

  async waitForMessage(
    author: 'visitor' | 'operator',
    text: string,
    status?: string,
  ): Promise<void> {
    const statusSel = status ? ` .sb-meta[data-status=${status}]` : '';
    await this.page.waitForSelector(
      `.sb-log li[data-author=${author}]:has(.sb-text:text-is(${JSON.stringify(text)}))${statusSel}`,
      { timeout: 15_000 },
    );
  }
}
