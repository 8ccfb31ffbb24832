import type { EmailSyncStatusDto, InboxDto, MessageDto } from '@switchboard/contracts';
import { emailSecretsSchema } from '@switchboard/channels-email';
import { SecretBox } from '../../../core/crypto/secret-box';
import { MessageEntity } from '../../messages/entities/message.entity';
import {
  customerMail,
  eventually,
  useFastEmailSync,
  waitForMessage,
} from '../testing/email-test-kit';
import {
  authorize,
  callback,
  GMAIL,
  issuedAccessTokens,
  M365,
  mailboxSettings,
  openedSecrets,
  startOAuthWorld,
  STRANGER,
  tablesHolding,
  type OAuthWorld,
} from './testing/email-oauth-test-kit';
import { EmailOAuthClients } from './email-oauth-clients';
import { EmailOAuthTokensRepository } from './email-oauth-tokens.repository';
import { EmailOAuthTokensService } from './email-oauth-tokens.service';

/**
 * "Connect Google" and "Connect Microsoft" end to end: the API, a fake authorization server, a
 * Dovecot that accepts only XOAUTH2 bearer tokens (checked by introspection) and an SMTP server
 * that takes them too. Nothing of imapflow or nodemailer is mocked.
 */
describe('email inboxes connected with OAuth 2.0', () => {
  let w: OAuthWorld;
  let gmailInbox: InboxDto;
  let conversationId: string;

  const inboxCount = async () => (await w.admin.ok<InboxDto[]>('GET', '/api/inboxes')).length;
  const mail = (to: string, subject: string) => {
    const m = customerMail({ subject, text: `About ${subject}` });
    return { ...m, source: m.source.replace(/^To: .*$/m, `To: ${to}`) };
  };
  const reply = (text: string) =>
    w.admin.ok<MessageDto>('POST', `/api/conversations/${conversationId}/messages`, { text });
  const refreshes = () => w.fake.tokenRequests.filter((r) => r.grantType === 'refresh_token');

  beforeAll(async () => {
    useFastEmailSync();
    w = await startOAuthWorld();
  });
  afterAll(() => w?.close());

  it('connects a new Gmail inbox: PKCE, a sealed grant, mail in over XOAUTH2 and out over SMTP', async () => {
    const { start, params, landing } = await authorize(w.admin, {
      provider: 'google',
      inbox: { name: 'Gmail support', settings: mailboxSettings(w, GMAIL.user) },
    });
    const asked = new URL(start.authorizationUrl);
    expect(asked.origin + asked.pathname).toBe(w.fake.googleAuthorizeUrl);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      login_hint: GMAIL.user,
    });
    expect(landing.pathname).toBe('/oauth/email/callback');

    const done = await callback(w.admin, params);
    expect(done.status).toBe(200);
    gmailInbox = await w.admin.ok<InboxDto>('GET', `/api/inboxes/${done.body.id}`);
    expect(gmailInbox).toMatchObject({
      kind: 'email',
      name: 'Gmail support',
      connectionError: null,
    });

    // Sealed at rest: no table holds either token in plain text; the server can open them.
    const secrets = await openedSecrets(w.api, gmailInbox.id);
    expect(secrets).toMatchObject({ auth: 'oauth', provider: 'google', account: GMAIL.user });
    expect(secrets['accessToken']).toBe(issuedAccessTokens(w.fake).at(-1));
    expect(
      await tablesHolding(w.api.dataSource, [
        secrets['refreshToken'] ?? '',
        secrets['accessToken'] ?? '',
      ]),
    ).toEqual([]);
    const status = await w.admin.ok<EmailSyncStatusDto>(
      'GET',
      `/api/inboxes/${gmailInbox.id}/email-sync`,
    );
    expect(status.connection).toEqual({ method: 'oauth', provider: 'google', account: GMAIL.user });

    // A state is good once.
    expect((await callback(w.admin, params)).status).toBe(400);

    const first = mail(GMAIL.user, 'Where is my order?');
    await w.dovecot.appendMessage(GMAIL.user, 'INBOX', first.source);
    const stored = await waitForMessage(w.api.dataSource, first.messageId, 20_000);
    conversationId = stored.conversationId;
    expect(w.dovecot.log()).toMatch(/Login: user=<support@example\.test>, method=XOAUTH2/);
    expect(w.fake.introspections.at(-1)).toMatchObject({
      token: secrets['accessToken'],
      active: true,
    });

    await reply('It left our warehouse today.');
    const [sent] = await w.smtp.waitForMessages(1, 15_000);
    expect(sent?.parsed.text).toContain('It left our warehouse today.');
    expect(w.smtp.logins.at(-1)).toEqual({
      method: 'XOAUTH2',
      user: GMAIL.user,
      accessToken: secrets['accessToken'],
    });
  });

  it('renews the access token: when the server refuses it, and before it expires', async () => {
    const before = await openedSecrets(w.api, gmailInbox.id);
    // The provider ends the token early: SMTP refuses it, the send renews it and goes out.
    w.fake.expireAccessTokens();
    await reply('Tracking number follows.');
    await w.smtp.waitForMessages(2, 20_000);
    const renewed = await openedSecrets(w.api, gmailInbox.id);
    expect(renewed['accessToken']).not.toBe(before['accessToken']);
    expect(renewed['refreshToken']).toBe(before['refreshToken']);
    expect(w.smtp.logins.at(-1)?.accessToken).toBe(renewed['accessToken']);
    expect(refreshes().at(-1)).toMatchObject({ outcome: 'issued', clientId: 'google-app-id' });

    // The sync's next connection logs in to Dovecot with the renewed token.
    await w.dovecot.kick(GMAIL.user);
    const second = mail(GMAIL.user, 'Another question');
    await w.dovecot.appendMessage(GMAIL.user, 'INBOX', second.source);
    await waitForMessage(w.api.dataSource, second.messageId, 20_000);
    expect(w.fake.introspections.some((i) => i.token === renewed['accessToken'] && i.active)).toBe(
      true,
    );

    // A token with less than five minutes left is renewed before use, by one refresh only,
    // however many senders want it at once.
    w.fake.setAccessTokenTtl(240);
    w.fake.expireAccessTokens();
    await reply('Short-lived token.');
    await w.smtp.waitForMessages(3, 20_000);
    w.fake.setAccessTokenTtl(3599);
    // Past the API's 5 s context cache: the senders see the short-lived token, still valid.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const asked = refreshes().length;
    await Promise.all([reply('One'), reply('Two')]);
    await w.smtp.waitForMessages(5, 20_000);
    expect(refreshes().length).toBe(asked + 1);
    const latest = await openedSecrets(w.api, gmailInbox.id);
    expect(w.smtp.logins.slice(-2).map((l) => l.accessToken)).toEqual([
      latest['accessToken'],
      latest['accessToken'],
    ]);

    // Two instances (two token services over one database) told the token was refused: the
    // advisory lock lets one renew it, and the other hands out what the first one stored.
    const instances = [
      w.api.app.get(EmailOAuthTokensService),
      new EmailOAuthTokensService(
        w.api.app.get(EmailOAuthClients),
        w.api.app.get(EmailOAuthTokensRepository),
        w.api.app.get(SecretBox),
      ),
    ];
    const stale = emailSecretsSchema.parse(latest);
    const before2 = refreshes().length;
    const [a, b] = await Promise.all(
      instances.map((tokens) =>
        tokens.fresh(gmailInbox.id, stale, { refusedToken: latest['accessToken'] }),
      ),
    );
    expect(refreshes().length).toBe(before2 + 1);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ auth: 'oauth' });
    expect((a as { accessToken: string }).accessToken).not.toBe(latest['accessToken']);
  });

  it('Microsoft: the rotated refresh token is the one kept', async () => {
    w.fake.signInAs(M365.user);
    const { params } = await authorize(w.admin, {
      provider: 'microsoft',
      inbox: { name: 'M365 desk', settings: mailboxSettings(w, M365.user) },
    });
    w.fake.signInAs(GMAIL.user);
    const done = await callback(w.admin, params);
    expect(done.status).toBe(200);
    const first = await openedSecrets(w.api, done.body.id);
    expect(first).toMatchObject({ provider: 'microsoft', account: M365.user });
    // Dovecot refuses the token at the next login: the sync renews it, and Microsoft rotates.
    const renewedOnce = async (previous: Record<string, string>, subject: string) => {
      w.fake.expireAccessTokens();
      await w.dovecot.kick(M365.user);
      const m = mail(M365.user, subject);
      await w.dovecot.appendMessage(M365.user, 'INBOX', m.source);
      await waitForMessage(w.api.dataSource, m.messageId, 20_000);
      const next = await openedSecrets(w.api, done.body.id);
      expect(next['refreshToken']).not.toBe(previous['refreshToken']);
      return next;
    };
    const second = await renewedOnce(first, 'Desk question');
    // The old refresh token is dead at the provider: renewing again works only with the kept one.
    await renewedOnce(second, 'Desk question, again');
    expect(
      (await w.admin.ok<InboxDto>('GET', `/api/inboxes/${done.body.id}`)).connectionError,
    ).toBeNull();
  });

  it('refuses a wrong state, an expired code and another mailbox’s token, storing nothing', async () => {
    const count = await inboxCount();
    const draft = {
      provider: 'google',
      inbox: { name: 'Nope', settings: mailboxSettings(w, GMAIL.user) },
    };

    const forged = await authorize(w.admin, draft);
    const state = forged.params.get('state') ?? '';
    // One character of the MAC changed (never to itself: a MAC ends in 'A' one time in sixteen).
    const altered = `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`;
    const wrong = await callback(w.admin, forged.params, { state: altered });
    expect(wrong).toMatchObject({ status: 400, body: { details: { reason: 'STATE_INVALID' } } });

    const late = await authorize(w.admin, draft);
    w.fake.expireCodes();
    expect(await callback(w.admin, late.params)).toMatchObject({
      status: 422,
      body: { details: { reason: 'CODE_REFUSED' } },
    });

    w.fake.signInAs(STRANGER);
    const other = await authorize(w.admin, draft);
    expect(await callback(w.admin, other.params)).toMatchObject({
      status: 422,
      body: { details: { reason: 'ACCOUNT_MISMATCH' } },
    });
    // Reconnecting an existing inbox as someone else changes nothing either.
    const before = await openedSecrets(w.api, gmailInbox.id);
    const reconnect = await authorize(w.admin, { provider: 'google', inboxId: gmailInbox.id });
    expect((await callback(w.admin, reconnect.params)).status).toBe(422);
    expect(await openedSecrets(w.api, gmailInbox.id)).toEqual(before);
    w.fake.signInAs(GMAIL.user);

    // The user pressed "Cancel" at the provider.
    w.fake.denyNextConsent();
    const denied = await authorize(w.admin, draft);
    expect(denied.params.get('error')).toBe('access_denied');
    expect((await callback(w.admin, denied.params)).status).toBe(422);

    // Tokens are never typed in.
    const typed = await w.admin.request('POST', '/api/inboxes', {
      kind: 'email',
      name: 'Typed',
      settings: mailboxSettings(w, GMAIL.user),
      secrets: { auth: 'oauth', provider: 'google', refreshToken: 'x', accessToken: 'y' },
    });
    expect(typed.status).toBe(400);
    expect(await inboxCount()).toBe(count);
  });

  it('shows "reconnect" once the grant is revoked, stops asking, and recovers when reconnected', async () => {
    w.fake.revokeUser(GMAIL.user);
    const failed = await reply('This one cannot go out.');
    await eventually(
      async () => {
        const row = await w.api.dataSource
          .getRepository(MessageEntity)
          .findOneBy({ id: failed.id });
        return row?.deliveryStatus === 'failed';
      },
      20_000,
      'the refused reply to fail',
    );
    const revoked = await w.admin.ok<InboxDto>('GET', `/api/inboxes/${gmailInbox.id}`);
    expect(revoked.connectionError).toMatch(/reconnect/i);

    // The sync finds out too, and then waits for the admin instead of asking again and again.
    await w.dovecot.kick(GMAIL.user);
    await eventually(
      async () => {
        const s = await w.admin.ok<EmailSyncStatusDto>(
          'GET',
          `/api/inboxes/${gmailInbox.id}/email-sync`,
        );
        return s.status === 'error' && /reconnect/i.test(s.lastError ?? '');
      },
      20_000,
      'the sync to report the revoked grant',
    );
    const asked = refreshes().length;
    await new Promise((r) => setTimeout(r, 3000));
    expect(refreshes().length).toBe(asked);

    const { params } = await authorize(w.admin, { provider: 'google', inboxId: gmailInbox.id });
    const back = await callback(w.admin, params);
    expect(back.status).toBe(200);
    expect(back.body.connectionError).toBeNull();
    const after = mail(GMAIL.user, 'Back again');
    await w.dovecot.appendMessage(GMAIL.user, 'INBOX', after.source);
    await waitForMessage(w.api.dataSource, after.messageId, 20_000);
  });
});
