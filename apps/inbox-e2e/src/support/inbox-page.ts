import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import { TEST_ADMIN } from '@switchboard/testing';
import { waitUntil } from './wait-until';

const SCREENSHOT_DIR = resolve(__dirname, '../../../../docs/screenshots');

/** The browser's own language and clock, when a spec needs them to differ from the operator's. */
export interface BrowserClock {
  locale?: string;
  timezoneId?: string;
}

export interface RecordedNotification {
  title: string;
  body: string;
}

/**
 * One signed-in browser tab on the inbox, with the handles the scenarios need: read the feed, cut
 * and restore the live socket, see the browser notifications the page raised.
 */
export class InboxPage {
  /** Uncaught errors in the page; every scenario ends by asserting there were none. */
  readonly pageErrors: string[] = [];
  private socketsAllowed = true;
  private readonly sockets = new Set<WebSocketRoute>();

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  static async open(
    browser: Browser,
    baseUrl: string,
    viewport: { width: number; height: number },
    browserClock: BrowserClock = {},
  ): Promise<InboxPage> {
    const context = await browser.newContext({
      viewport,
      locale: browserClock.locale ?? 'en-GB',
      timezoneId: browserClock.timezoneId ?? 'Europe/Berlin',
    });
    await context.grantPermissions(['notifications'], { origin: baseUrl });
    // Headless Chromium shows no notification UI: record what the page asks to show.
    await context.addInitScript(() => {
      const shown: { title: string; body: string }[] = [];
      const instances: { onclick: (() => void) | null }[] = [];
      // The operator clicking the notification the OS would show.
      (window as unknown as { __clickNotification: (i: number) => void }).__clickNotification = (
        i,
      ) => instances[i]?.onclick?.();
      (window as unknown as { __notifications: typeof shown }).__notifications = shown;
      class RecordingNotification extends EventTarget {
        static readonly permission = 'granted';
        static requestPermission() {
          return Promise.resolve('granted');
        }
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          super();
          shown.push({ title, body: options?.body ?? '' });
          instances.push(this);
        }
        close() {
          return undefined;
        }
      }
      Object.defineProperty(window, 'Notification', {
        value: RecordingNotification,
        configurable: true,
      });
    });
    const page = await context.newPage();
    const inbox = new InboxPage(context, page, baseUrl);
    // Every socket goes through here so a test can cut the connection like a network failure.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (!inbox.socketsAllowed) {
        // A route that is not connected counts as open, so make the handshake fail the way a broken
        // network does: an unreadable frame (engine.io reports a transport error), then close.
        ws.send('network down');
        void ws.close({ code: 4000, reason: 'network down' });
        return;
      }
      ws.connectToServer();
      inbox.sockets.add(ws);
    });
    page.on('pageerror', (error) => inbox.pageErrors.push(error.message));
    return inbox;
  }

  /** A second tab of the same browser (same session cookie), signed in and live. */
  async newTab(): Promise<InboxPage> {
    const tab = new InboxPage(this.context, await this.context.newPage(), this.baseUrl);
    tab.page.on('pageerror', (error) => tab.pageErrors.push(error.message));
    await tab.page.goto(this.baseUrl + '/');
    await tab.waitForConnection('live');
    return tab;
  }

  /** Signs in as the test admin, or as another operator of the account. */
  async login(as: { email: string; password: string } = TEST_ADMIN): Promise<void> {
    await this.page.goto(this.baseUrl + '/');
    await this.page.fill('input[name=email]', as.email);
    await this.page.fill('input[name=password]', as.password);
    await this.page.press('input[name=password]', 'Enter');
    await this.waitForConnection('live');
  }

  async waitForConnection(status: 'live' | 'reconnecting'): Promise<void> {
    await this.page.waitForSelector(`[data-testid=connection-status][data-status=${status}]`, {
      timeout: 15_000,
    });
  }

  /** Customer names in the feed, top to bottom. */
  feedNames(): Promise<string[]> {
    return this.page.$$eval('[data-testid=feed-row] .feed-row__name', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
  }

  async waitForFeed(names: string[], timeoutMs = 10_000): Promise<void> {
    const wanted = JSON.stringify(names);
    await waitUntil(
      async () => JSON.stringify(await this.feedNames()) === wanted,
      async () => `feed is ${JSON.stringify(await this.feedNames())}, want ${wanted}`,
      timeoutMs,
    );
  }

  async openRow(name: string): Promise<void> {
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await this.page
      .locator('[data-testid=feed-row]')
      .filter({ has: this.page.locator('.feed-row__name', { hasText: exact }) })
      .click();
    await this.waitForConversation(name);
  }

  async waitForConversation(name: string): Promise<void> {
    await waitUntil(
      async () =>
        (await this.page.textContent('[data-testid=conversation-name]').catch(() => null)) === name,
      async () =>
        `open conversation is ${await this.page.textContent('[data-testid=conversation-name]').catch(() => 'none')}`,
    );
  }

  /** The gear in the top bar toggles the settings screen. */
  async toggleSettings(open: boolean): Promise<void> {
    await this.page.click('[data-testid=settings-open]');
    if (open) await this.page.waitForSelector('[data-testid=settings]');
    else await this.page.waitForSelector('[data-testid=settings]', { state: 'detached' });
  }

  /** The timeline entry whose text contains `text`. */
  timelineMessage(text: string): Locator {
    return this.page
      .locator('[data-testid=timeline-message]')
      .filter({ has: this.page.locator('.message__text', { hasText: text }) });
  }

  /** "Reply" on a customer message: the composer then answers that message. */
  async replyToMessage(text: string): Promise<void> {
    await this.timelineMessage(text).locator('[data-testid=message-reply]').click();
    await this.page.waitForSelector('[data-testid=composer-replying-to]');
  }

  async timelineTexts(): Promise<string[]> {
    return this.page.$$eval(
      '[data-testid=timeline] .message__text, [data-testid=timeline-activity] span',
      (els) => els.map((e) => e.textContent ?? ''),
    );
  }

  notifications(): Promise<RecordedNotification[]> {
    return this.page.evaluate(
      () => (window as unknown as { __notifications: RecordedNotification[] }).__notifications,
    );
  }

  async waitForNotification(title: string): Promise<void> {
    await waitUntil(
      async () => (await this.notifications()).some((n) => n.title === title),
      async () => `notifications: ${JSON.stringify(await this.notifications())}`,
    );
  }

  /** Clicks the most recent notification with this title, as the operator would in the OS. */
  async clickNotification(title: string): Promise<void> {
    const index = (await this.notifications()).map((n) => n.title).lastIndexOf(title);
    if (index < 0) throw new Error(`No notification "${title}"`);
    await this.page.evaluate(
      (i) =>
        (window as unknown as { __clickNotification: (i: number) => void }).__clickNotification(i),
      index,
    );
  }

  /** Cuts every live socket and refuses new ones, as when the network goes away. */
  async dropNetwork(): Promise<void> {
    this.socketsAllowed = false;
    for (const ws of this.sockets) await ws.close({ code: 4000, reason: 'network down' });
    this.sockets.clear();
  }

  restoreNetwork(): void {
    this.socketsAllowed = true;
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
