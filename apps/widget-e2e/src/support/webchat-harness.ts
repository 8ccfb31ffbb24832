import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { InboxDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { startCustomerSite, type CustomerSite } from './customer-site';

const DIST = resolve(__dirname, '../../../../dist/apps');
export const HMAC_SECRET = 'e2e-webchat-secret-0123456789abcdefghij';

/**
 * Everything a web chat scenario needs: the API serving the built widget and inbox, a web chat
 * inbox that allows the customer site, the customer site on its own origin, an SMTP peer for
 * follow-ups, and Chromium.
 */
export class WebchatHarness {
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private savedEnv: NodeJS.ProcessEnv = {};

  private constructor(
    readonly db: TestDatabase,
    readonly api: TestApi,
    readonly admin: ApiClient,
    readonly inbox: InboxDto,
    readonly site: CustomerSite,
    readonly smtp: SmtpPeer,
    readonly browser: Browser,
  ) {}

  static async start(): Promise<WebchatHarness> {
    const savedEnv = { ...process.env };
    const db = await createTestDatabase();
    const smtp = await startSmtpPeer();
    // No email inbox in this account: follow-ups go out over SMTP (read by the web chat module).
    process.env['SMTP_URL'] = `smtp://${smtp.user}:${smtp.password}@${smtp.host}:${smtp.port}`;
    process.env['MAIL_FROM'] = 'Acme Support <support@acme.example>';
    const api = await startTestApi({
      databaseUrl: db.url,
      env: { WIDGET_DIST_DIR: `${DIST}/widget`, INBOX_DIST_DIR: `${DIST}/inbox` },
    });
    const admin = (await loginAs(api.baseUrl)).client;
    // The site's origin is known only once it listens; the snippet names the inbox created after.
    let inbox: InboxDto | null = null;
    const site = await startCustomerSite(() =>
      inbox
        ? `<script async src="${api.baseUrl}/widget/loader.js" data-inbox="${inbox.id}"></script>`
        : '',
    );
    inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Acme chat',
      settings: {
        allowedOrigins: [site.origin],
        greeting: 'Hi! Ask us anything.',
        askEmail: true,
        accentColor: '#0f766e',
        officeHoursMessage: 'We answer Mon–Fri, 9–17.',
      },
      secrets: { hmacSecret: HMAC_SECRET },
    });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const h = new WebchatHarness(db, api, admin, inbox, site, smtp, browser);
    h.savedEnv = savedEnv;
    return h;
  }

  async newPage(context?: BrowserContext): Promise<Page> {
    const ctx = context ?? (await this.newContext());
    const page = await ctx.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return page;
  }

  async newContext(): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      viewport: { width: 1200, height: 800 },
      locale: 'en-GB',
    });
    this.contexts.push(context);
    return context;
  }

  async stop(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
    await this.api?.close();
    await this.site?.close();
    await this.smtp?.close();
    await this.db?.drop();
    process.env = this.savedEnv;
  }
}
