import type { InboxDto } from '@switchboard/contracts';
import {
  FakeOAuthServer,
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const MAILBOX = { user: 'support@example.test', password: 'not-used-by-the-inbox' };
const GOOGLE = {
  clientId: 'google-app-id',
  clientSecret: 'google-app-secret',
  redirectUris: [] as string[],
};

/**
 * "Connect Google" in real Chromium: the settings form sends the browser to the (fake) provider,
 * which signs in and sends it back to /oauth/email/callback; the SPA finishes the connection and
 * shows the inbox. A revoked grant shows "Reconnect", and reconnecting clears it.
 */
describe('inbox: connecting a mailbox with Google', () => {
  let fake: FakeOAuthServer;
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let h: InboxHarness;
  let ui: InboxPage;

  const emailInbox = async () =>
    (await h.admin.ok<InboxDto[]>('GET', '/api/inboxes')).find((i) => i.kind === 'email');

  beforeAll(async () => {
    Object.assign(process.env, {
      EMAIL_SYNC_POLL_MS: '1000',
      EMAIL_SYNC_RECONNECT_MS: '200',
      EMAIL_SYNC_RESCAN_MS: '500',
    });
    fake = await FakeOAuthServer.start({ clients: [GOOGLE], users: [MAILBOX.user] });
    dovecot = await startDovecot({
      users: [MAILBOX],
      oauth: {
        introspectionUrl: fake.introspectionUrl,
        clientId: fake.introspectionClient.clientId,
        clientSecret: fake.introspectionClient.clientSecret,
      },
    });
    smtp = await startSmtpPeer({
      oauth: { verifyAccessToken: (token) => fake.accessTokenInfo(token)?.email ?? null },
    });
    h = await InboxHarness.start({
      env: {
        GOOGLE_OAUTH_CLIENT_ID: GOOGLE.clientId,
        GOOGLE_OAUTH_CLIENT_SECRET: GOOGLE.clientSecret,
        GOOGLE_OAUTH_AUTHORIZE_URL: fake.googleAuthorizeUrl,
        GOOGLE_OAUTH_TOKEN_URL: fake.googleTokenUrl,
      },
    });
    GOOGLE.redirectUris.push(`${h.api.baseUrl}/oauth/email/callback`);
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
    await dovecot?.stop();
    await fake?.close();
  });

  afterEach(() => {
    expect(ui.pageErrors).toEqual([]);
  });

  it('creates an inbox by signing in to Google, and reconnects it after a revocation', async () => {
    await ui.page.click('[data-testid=settings-open]');
    await ui.page.click('[data-testid=settings-new-email]');
    await ui.page.fill('#inbox-field-name', 'Gmail support');
    await ui.page.fill('#inbox-field-fromAddress', MAILBOX.user);
    // Our own servers stand in for Gmail's (left empty, the form would use imap.gmail.com).
    await ui.page.fill('#inbox-field-imap-host', dovecot.host);
    await ui.page.fill('#inbox-field-imap-port', String(dovecot.port));
    await ui.page.selectOption('#inbox-field-imap-security', 'none');
    await ui.page.fill('#inbox-field-smtp-host', smtp.host);
    await ui.page.fill('#inbox-field-smtp-port', String(smtp.port));
    await ui.page.selectOption('#inbox-field-smtp-security', 'none');
    // No password fields need filling: the button leaves for Google and comes back.
    await Promise.all([
      ui.page.waitForURL(`${h.api.baseUrl}/**`, { timeout: 15_000 }),
      ui.page.click('[data-testid=email-oauth-connect-google]'),
    ]);
    const connected = await ui.page.waitForSelector('[data-testid=email-oauth-connected]', {
      timeout: 20_000,
    });
    expect(await connected.textContent()).toBe(`Connected with Google as ${MAILBOX.user}`);
    // The one-time code does not stay in the address bar or the history.
    expect(new URL(ui.page.url()).pathname).toBe('/');
    expect(ui.page.url()).not.toContain('code=');
    const inbox = await waitUntil(emailInbox, () => 'no email inbox was created');
    expect(inbox).toMatchObject({ name: 'Gmail support', connectionError: null });
    expect(fake.authorizeRequests.at(-1)?.params).toMatchObject({
      code_challenge_method: 'S256',
      access_type: 'offline',
      login_hint: MAILBOX.user,
    });
    // OAuth inboxes have no passwords to type.
    expect(await ui.page.$('#inbox-secret-imapPassword')).toBeNull();
    // This Dovecot offers OAUTHBEARER as Gmail does (the API spec's offers only XOAUTH2): used.
    await waitUntil(
      () => /Login: user=<support@example\.test>, method=OAUTHBEARER/.test(dovecot.log()),
      () => 'no OAUTHBEARER login in the Dovecot log',
    );

    // Google withdraws the grant; the sync's next login finds out.
    fake.revokeUser(MAILBOX.user);
    await dovecot.kick(MAILBOX.user);
    await waitUntil(
      async () => (await emailInbox())?.connectionError,
      async () => `connectionError is ${String((await emailInbox())?.connectionError)}`,
      20_000,
    );
    await ui.page.reload();
    await ui.page.click('[data-testid=settings-open]');
    await ui.page.locator('[data-testid=settings-inbox]', { hasText: 'Gmail support' }).click();
    await ui.page.waitForSelector('[data-testid=email-oauth-reconnect-needed]');
    await Promise.all([
      ui.page.waitForURL(`${h.api.baseUrl}/**`, { timeout: 15_000 }),
      ui.page.click('[data-testid=email-oauth-reconnect]'),
    ]);
    await ui.page.waitForSelector('[data-testid=email-oauth-connected]', { timeout: 20_000 });
    await waitUntil(
      async () => (await emailInbox())?.connectionError === null,
      () => 'the reconnected inbox still shows its error',
    );
    expect(await ui.page.$('[data-testid=email-oauth-reconnect-needed]')).toBeNull();
    expect(await ui.page.$('[data-testid=inbox-connection-error]')).toBeNull();
  });
});
