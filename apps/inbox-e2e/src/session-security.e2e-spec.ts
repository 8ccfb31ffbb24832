import { TEST_ADMIN } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

type CspWindow = Window & { __cspViolations: string[] };

/**
 * The SPA under its strict Content-Security-Policy, and its session: an HttpOnly cookie no page
 * script can read, nothing in storage, and a tab that signs out when its session ends elsewhere.
 */
describe('inbox: content security policy and the session cookie', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const consoleErrors: string[] = [];

  const violations = () =>
    ui.page.evaluate(() => (window as unknown as CspWindow).__cspViolations ?? []);
  const sessionCookie = async () =>
    (await ui.context.cookies(h.api.baseUrl)).find((c) => c.name === 'sb_session');

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage();
    // Every violation the browser reports, from the first document on.
    await ui.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as CspWindow).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    ui.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
  });

  it('serves the SPA with a strict CSP and runs under it without a single violation', async () => {
    for (const path of ['/', '/conversations/deep-link']) {
      const res = await fetch(`${h.api.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp.split('; ')).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "img-src 'self' data: blob: https:",
          `connect-src 'self' ${h.api.baseUrl.replace(/^http/, 'ws')}`,
          "object-src 'none'",
          "frame-ancestors 'none'",
        ]),
      );
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
    // The API itself and its files are not pages: no SPA policy there.
    expect(
      (await fetch(`${h.api.baseUrl}/api/health`)).headers.get('content-security-policy'),
    ).toBe(null);

    await ui.login();
    await h.customer('Clara Customer').say('Hello, is anyone there?');
    await ui.waitForFeed(['Clara Customer']);
    await ui.openRow('Clara Customer');
    await ui.page.fill('[data-testid=composer-input]', 'Yes, how can I help?');
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    await ui.page.waitForSelector('[data-testid=delivery-status][data-status=sent]');

    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);

    // And the policy bites: an injected inline script does not run, and is reported.
    const ran = await ui.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await waitUntil(
      async () => (await violations()).some((v) => v.startsWith('script-src')),
      async () => `violations: ${JSON.stringify(await violations())}`,
      2_000,
    );
    await ui.page.evaluate(() => ((window as unknown as CspWindow).__cspViolations.length = 0));
  });

  it('keeps the session in an HttpOnly cookie: invisible to scripts, absent from storage, kept over a reload', async () => {
    const cookie = await sessionCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const visible = await ui.page.evaluate(() =>
      JSON.stringify({
        cookie: document.cookie,
        local: { ...localStorage },
        session: { ...sessionStorage },
      }),
    );
    expect(visible).not.toContain(cookie!.value);
    expect(visible).not.toContain('sb_session');
    expect(visible).not.toMatch(/token/i);

    await ui.page.reload();
    await ui.waitForConnection('live');
    expect(await ui.page.textContent('[data-testid=operator-name]')).toBe('Anna Schmidt');
    expect(await violations()).toEqual([]);
  });

  it('signs out: the cookie is gone, and a tab whose session ends elsewhere signs out at once', async () => {
    await ui.page.click('button[aria-label="Sign out"]');
    await ui.page.waitForSelector('input[name=password]');
    expect(await sessionCookie()).toBeUndefined();

    // Signed in again here and in a second browser; the password is changed in the first one.
    await ui.login();
    const other = await h.openPage();
    await other.login();
    await ui.page.click('[data-testid=change-password-open]');
    await ui.page.fill('input[name=currentPassword]', TEST_ADMIN.password);
    await ui.page.fill('input[name=newPassword]', 'a-new-password-for-anna');
    await ui.page.click('[data-testid=change-password-dialog] button[type=submit]');
    await ui.page.waitForSelector('[data-testid=change-password-dialog] [role=status]');
    // The other browser's session and socket end at once; this one stays live.
    await waitUntil(
      async () => (await other.page.$('input[name=password]')) !== null,
      async () => `the other browser still shows ${await other.page.title()}`,
      5_000,
    );
    await ui.waitForConnection('live');
    expect(other.pageErrors).toEqual([]);
    await other.close();
    expect(await violations()).toEqual([]);
  });
});
