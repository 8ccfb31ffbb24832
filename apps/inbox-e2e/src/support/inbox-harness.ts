import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  TEST_ADMIN,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import type { ConversationSummaryDto, Page as ResultPage } from '@switchboard/contracts';
import { chromium, type Browser } from 'playwright-core';
import { InboxPage, type BrowserClock } from './inbox-page';
import { OutboundReceiver } from './outbound-receiver';

export const REPO_ROOT = resolve(__dirname, '../../../..');
/** Built by the jest globalSetup for this run; dist/apps/inbox when a spec runs without it. */
export const INBOX_DIST_DIR =
  process.env['INBOX_E2E_DIST_DIR'] ?? join(REPO_ROOT, 'dist/apps/inbox');

/** The operator the tests sign in as: a real timezone and locale, so dates are checked for real. */
export const OPERATOR = {
  name: 'Anna Schmidt',
  timezone: 'Europe/Berlin',
  locale: 'en-GB',
} as const;

/** One isolated world per spec file: its own database, API (serving the built SPA) and browser. */
export class InboxHarness {
  private constructor(
    readonly db: TestDatabase,
    readonly api: TestApi,
    readonly admin: ApiClient,
    readonly inboxId: string,
    private readonly signingSecret: string,
    readonly receiver: OutboundReceiver,
    readonly browser: Browser,
  ) {}

  /** `env` adds to the API's environment (e.g. pointing a channel at a fake provider). */
  static async start(options: { env?: Record<string, string> } = {}): Promise<InboxHarness> {
    const db = await createTestDatabase();
    const api = await startTestApi({
      databaseUrl: db.url,
      env: { INBOX_DIST_DIR, ...options.env },
    });
    await api.dataSource
      .getRepository('OperatorEntity')
      .update({ email: TEST_ADMIN.email }, { ...OPERATOR });
    const { client } = await loginAs(api.baseUrl);
    const receiver = await OutboundReceiver.start();
    const { inbox, signingSecret } = await createApiInbox(client, 'Shop API', {
      outboundUrl: receiver.url,
    });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    return new InboxHarness(db, api, client, inbox.id, signingSecret, receiver, browser);
  }

  /** A customer writing in through the real 'api' channel webhook (HMAC-signed). */
  customer(name: string, id = `cust-${randomUUID()}`): ApiChannelCustomer {
    return new ApiChannelCustomer(this.api.baseUrl, this.inboxId, this.signingSecret, { id, name });
  }

  async openPage(
    viewport = { width: 1360, height: 820 },
    browserClock: BrowserClock = {},
  ): Promise<InboxPage> {
    return InboxPage.open(this.browser, this.api.baseUrl, viewport, browserClock);
  }

  /** Finds a conversation id by the customer's name, as another operator's tools would. */
  async conversationOf(
    name: string,
    status: 'open' | 'snoozed' | 'closed' = 'open',
  ): Promise<ConversationSummaryDto> {
    const page = await this.admin.ok<ResultPage<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=${status}&limit=100`,
    );
    const found = page.items.find((c) => c.contact.name === name);
    if (!found) throw new Error(`No ${status} conversation for ${name}`);
    return found;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.receiver?.close();
    await this.api?.close();
    await this.db?.drop();
  }
}
