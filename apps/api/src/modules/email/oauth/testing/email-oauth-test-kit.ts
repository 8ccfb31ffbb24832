import type { EmailOAuthStartDto, InboxDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  FakeOAuthServer,
  loginAs,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type DovecotServer,
  type HttpResult,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../../../../core/crypto/secret-box';
import { InboxEntity } from '../../../inboxes/entities/inbox.entity';
import { EMAIL_OAUTH_CALLBACK_PATH } from '../email-oauth-clients';

export const GOOGLE_APP = { clientId: 'google-app-id', clientSecret: 'google-app-secret' };
export const MICROSOFT_APP = { clientId: 'microsoft-app-id', clientSecret: 'microsoft-app-secret' };

/** A Google mailbox, a Microsoft 365 mailbox, and someone who is neither. */
export const GMAIL = { user: 'support@example.test', password: 'unused-1' };
export const M365 = { user: 'desk@example.test', password: 'unused-2' };
export const STRANGER = 'someone-else@example.test';

/** A fake Google/Microsoft, a Dovecot and an SMTP server that take its tokens, and an API using them. */
export interface OAuthWorld {
  fake: FakeOAuthServer;
  dovecot: DovecotServer;
  smtp: SmtpPeer;
  db: TestDatabase;
  api: TestApi;
  admin: ApiClient;
  close(): Promise<void>;
}

export async function startOAuthWorld(): Promise<OAuthWorld> {
  const clients = [
    { ...GOOGLE_APP, redirectUris: [] as string[] },
    { ...MICROSOFT_APP, redirectUris: [] as string[] },
  ];
  const fake = await FakeOAuthServer.start({ clients, users: [GMAIL.user, M365.user, STRANGER] });
  const dovecot = await startDovecot({
    users: [GMAIL, M365],
    // Microsoft 365 offers only XOAUTH2: the sync must use it.
    oauth: {
      introspectionUrl: fake.introspectionUrl,
      clientId: fake.introspectionClient.clientId,
      clientSecret: fake.introspectionClient.clientSecret,
      mechanisms: ['xoauth2'],
    },
  });
  const smtp = await startSmtpPeer({
    oauth: { verifyAccessToken: (token) => fake.accessTokenInfo(token)?.email ?? null },
  });
  const db = await createTestDatabase();
  const api = await startTestApi({
    databaseUrl: db.url,
    env: {
      GOOGLE_OAUTH_CLIENT_ID: GOOGLE_APP.clientId,
      GOOGLE_OAUTH_CLIENT_SECRET: GOOGLE_APP.clientSecret,
      GOOGLE_OAUTH_AUTHORIZE_URL: fake.googleAuthorizeUrl,
      GOOGLE_OAUTH_TOKEN_URL: fake.googleTokenUrl,
      MICROSOFT_OAUTH_CLIENT_ID: MICROSOFT_APP.clientId,
      MICROSOFT_OAUTH_CLIENT_SECRET: MICROSOFT_APP.clientSecret,
      MICROSOFT_OAUTH_AUTHORITY: fake.microsoftAuthority,
      MICROSOFT_OAUTH_TENANT: 'organizations',
    },
  });
  // Registered with the providers once the server's address is known.
  for (const client of clients)
    client.redirectUris.push(`${api.baseUrl}${EMAIL_OAUTH_CALLBACK_PATH}`);
  const admin = (await loginAs(api.baseUrl)).client;
  return {
    fake,
    dovecot,
    smtp,
    db,
    api,
    admin,
    async close() {
      await api?.close();
      await db?.drop();
      await smtp?.close();
      await dovecot?.stop();
      await fake?.close();
    },
  };
}

/** A new inbox's settings for a mailbox on the world's servers. */
export function mailboxSettings(world: OAuthWorld, mailbox: string) {
  return {
    fromAddress: mailbox,
    fromName: 'Acme Support',
    imap: {
      host: world.dovecot.host,
      port: world.dovecot.port,
      security: 'none',
      user: mailbox,
      mailbox: 'INBOX',
    },
    smtp: { host: world.smtp.host, port: world.smtp.port, security: 'none', user: mailbox },
    historyDays: 30,
  };
}

/**
 * "Connect …" up to the provider's redirect back: starts the authorization and follows it as the
 * browser would (the fake consents at once); returns what the callback page receives.
 */
export async function authorize(
  client: ApiClient,
  body: Record<string, unknown>,
): Promise<{ start: EmailOAuthStartDto; params: URLSearchParams; landing: URL }> {
  const start = await client.ok<EmailOAuthStartDto>(
    'POST',
    '/api/email-oauth/authorizations',
    body,
  );
  const res = await fetch(start.authorizationUrl, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`authorize → ${res.status}: ${await res.text()}`);
  const landing = new URL(res.headers.get('location') ?? '');
  return { start, params: landing.searchParams, landing };
}

export function callback(
  client: ApiClient,
  params: URLSearchParams,
  overrides: Record<string, string> = {},
): Promise<HttpResult<InboxDto & { code?: string; details?: { reason?: string } }>> {
  return client.post('/api/email-oauth/callback', {
    state: params.get('state'),
    ...(params.get('code') ? { code: params.get('code') } : {}),
    ...(params.get('error') ? { error: params.get('error') } : {}),
    ...overrides,
  });
}

/** The inbox's secrets as the server keeps them, opened with the server's own key. */
export async function openedSecrets(
  api: TestApi,
  inboxId: string,
): Promise<Record<string, string>> {
  const row = await api.dataSource.getRepository(InboxEntity).findOneByOrFail({ id: inboxId });
  return JSON.parse(api.app.get(SecretBox).open(row.secretsEncrypted ?? '')) as Record<
    string,
    string
  >;
}

/** Tables where one of `needles` appears in plain text, in any column of any row. */
export async function tablesHolding(ds: DataSource, needles: string[]): Promise<string[]> {
  const tables: Array<{ table_name: string }> = await ds.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    for (const needle of needles) {
      const [row] = await ds.query(
        `SELECT count(*)::int AS n FROM "${table_name}" t WHERE strpos(t::text, $1) > 0`,
        [needle],
      );
      if ((row as { n: number }).n > 0) found.push(table_name);
    }
  }
  return found;
}

/** Access tokens the fake issued, oldest first. */
export function issuedAccessTokens(fake: FakeOAuthServer): string[] {
  return fake.tokenRequests.flatMap((r) => (r.accessToken ? [r.accessToken] : []));
}
