import { ImapFlow } from 'imapflow';
import { FakeOAuthServer } from '../oauth/fake-oauth-server';
import { s256 as pkceS256 } from '../oauth/oauth-grants';
import { startDovecot, type DovecotServer } from './dovecot-server';

const mail = (n: number) =>
  `From: customer@example.org\r\nTo: support@example.test\r\nSubject: Test ${n}\r\nMessage-ID: <smoke-${n}@example.org>\r\n\r\nBody ${n}\r\n`;

describe('Dovecot harness', () => {
  let dovecot: DovecotServer;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: 'support@example.test', password: 'pw' }] });
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('serves IMAP on a loopback port and accepts appended mail', async () => {
    const first = await dovecot.appendMessage('support@example.test', 'INBOX', mail(1));
    const second = await dovecot.appendMessage('support@example.test', 'INBOX', mail(2));
    expect(second.uid).toBe(first.uid + 1);

    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'support@example.test', pass: 'pw' },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.mailboxOpen('INBOX');
      const subjects: string[] = [];
      for await (const msg of client.fetch('1:*', { envelope: true }))
        subjects.push(msg.envelope?.subject ?? '');
      expect(subjects).toEqual(['Test 1', 'Test 2']);
      // The Sent folder exists for the Sent-copy feature.
      expect((await client.list()).map((m) => m.path)).toContain('Sent');
    } finally {
      await client.logout();
    }
  });

  it('refuses a wrong password', async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'support@example.test', pass: 'nope' },
      logger: false,
    });
    client.on('error', () => undefined);
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
    client.close();
  });

  it('changes UIDVALIDITY and renumbers the messages', async () => {
    const before = await dovecot.mailboxStatus('support@example.test', 'INBOX');
    const next = await dovecot.resetUidValidity('support@example.test', 'INBOX');
    const after = await dovecot.mailboxStatus('support@example.test', 'INBOX');
    expect(next).not.toBe(before.uidValidity);
    expect(after.uidValidity).toBe(next);
    expect(after.messages).toBe(before.messages);
    const appended = await dovecot.appendMessage('support@example.test', 'INBOX', mail(3));
    expect(appended.uidValidity).toBe(next);
  });
});

describe('Dovecot harness with OAuth bearer tokens and a self-signed certificate', () => {
  const USER = 'support@example.test';
  let dovecot: DovecotServer;
  let fake: FakeOAuthServer;

  /** An access token for USER, got the way a mail client gets one. */
  async function accessToken(): Promise<string> {
    const verifier = 'v'.repeat(43);
    const authorize = new URL(fake.googleAuthorizeUrl);
    for (const [k, v] of Object.entries({
      client_id: 'mail-app',
      redirect_uri: 'http://127.0.0.1/cb',
      response_type: 'code',
      scope: 'https://mail.google.com/',
      code_challenge: pkceS256(verifier),
      code_challenge_method: 'S256',
    }))
      authorize.searchParams.set(k, v);
    const back = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const res = await fetch(fake.googleTokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://127.0.0.1/cb',
        code_verifier: verifier,
        client_id: 'mail-app',
        client_secret: 'mail-secret',
      }).toString(),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  const login = async (
    auth: { user: string; accessToken?: string; pass?: string },
    tls = false,
  ) => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: tls ? (dovecot.tlsPort ?? 0) : dovecot.port,
      secure: tls,
      doSTARTTLS: tls ? undefined : false,
      tls: tls ? { ca: [dovecot.certificatePem ?? ''] } : undefined,
      auth,
      logger: false,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.logout();
      return 'ok';
    } catch (err) {
      client.close();
      return (err as { authenticationFailed?: boolean }).authenticationFailed
        ? 'refused'
        : String(err);
    }
  };

  beforeAll(async () => {
    fake = await FakeOAuthServer.start({
      clients: [
        {
          clientId: 'mail-app',
          clientSecret: 'mail-secret',
          redirectUris: ['http://127.0.0.1/cb'],
        },
      ],
      users: [USER],
    });
    dovecot = await startDovecot({
      users: [
        { user: USER, password: 'pw' },
        { user: 'other@example.test', password: 'pw2' },
      ],
      oauth: {
        introspectionUrl: fake.introspectionUrl,
        clientId: fake.introspectionClient.clientId,
        clientSecret: fake.introspectionClient.clientSecret,
      },
      tls: {},
    });
  });
  afterAll(async () => {
    await dovecot?.stop();
    await fake?.close();
  });

  it('logs in with a token the authorization server vouches for, and only as its owner', async () => {
    const token = await accessToken();
    expect(await login({ user: USER, accessToken: token })).toBe('ok');
    expect(fake.introspections.at(-1)).toMatchObject({ token, active: true, username: USER });
    expect(await login({ user: 'other@example.test', accessToken: token })).toBe('refused');
    expect(await login({ user: USER, accessToken: 'ya29.made-up' })).toBe('refused');
    // Passwords still work for password users, over implicit TLS with the self-signed certificate.
    expect(await login({ user: USER, pass: 'pw' }, true)).toBe('ok');
    fake.expireAccessTokens();
    expect(await login({ user: USER, accessToken: token })).toBe('refused');
  });
});
