import type { Page } from 'playwright-core';
import { TEST_ADMIN } from '@switchboard/testing';

/** The operator's side: the inbox SPA served by the API. */
export class OperatorUi {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async login(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.fill('input[name=email]', TEST_ADMIN.email);
    await this.page.fill('input[name=password]', TEST_ADMIN.password);
    await this.page.press('input[name=password]', 'Enter');
    await this.page.waitForSelector('[data-testid=connection-status][data-status=live]', {
      timeout: 15_000,
    });
  }

  /** Opens the feed row whose preview shows `rowText`, then waits for `text` in the timeline. */
  async openConversationWith(text: string, rowText: string = text): Promise<void> {
    await this.page.click(`[data-testid=feed-row]:has-text(${JSON.stringify(rowText)})`, {
      timeout: 15_000,
    });
    await this.waitForTimelineText(text);
  }

  async waitForTimelineText(text: string): Promise<void> {
    await this.page.waitForSelector(
      `[data-testid=timeline] .message__text:text-is(${JSON.stringify(text)})`,
      {
        timeout: 15_000,
      },
    );
  }

  async reply(text: string): Promise<void> {
    await this.page.fill('[data-testid=composer-input]', text);
    await this.page.click('[data-testid=composer-send]');
    await this.waitForTimelineText(text);
  }
}
