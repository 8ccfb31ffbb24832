import type { InboxDto } from '@switchboard/contracts';
import type { ApiClient, DovecotServer, SmtpPeer } from '@switchboard/testing';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { MessageEntity } from '../../messages/entities/message.entity';

export const SUPPORT = { user: 'support@example.test', password: 'imap-secret' } as const;

/** Short timings so reconnects, watchdog and rescans happen within a test's patience. */
export function useFastEmailSync(): void {
  Object.assign(process.env, {
    EMAIL_SYNC_POLL_MS: '1000',
    EMAIL_SYNC_SAFETY_POLL_MS: '20000',
    EMAIL_SYNC_WATCHDOG_MS: '1000',
    EMAIL_SYNC_WATCHDOG_TIMEOUT_MS: '1500',
    EMAIL_SYNC_RECONNECT_MS: '200',
    EMAIL_SYNC_LOCK_RETRY_MS: '300',
    EMAIL_SYNC_RESCAN_MS: '500',
  });
}

export function emailInboxBody(
  dovecot: DovecotServer,
  smtp: SmtpPeer,
  overrides: Record<string, unknown> = {},
) {
  return {
    kind: 'email',
    name: 'Support mail',
    settings: {
      fromAddress: SUPPORT.user,
      fromName: 'Acme Support',
      imap: {
        host: dovecot.host,
        port: dovecot.port,
        security: 'none',
        user: SUPPORT.user,
        mailbox: 'INBOX',
        sentFolder: 'Sent',
      },
      smtp: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user },
      historyDays: 30,
      ...overrides,
    },
    secrets: { imapPassword: SUPPORT.password as string, smtpPassword: smtp.password },
  };
}

export async function createEmailInbox(
  admin: ApiClient,
  dovecot: DovecotServer,
  smtp: SmtpPeer,
): Promise<InboxDto> {
  return admin.ok<InboxDto>('POST', '/api/inboxes', emailInboxBody(dovecot, smtp));
}

let counter = 0;

/** A customer's mail as their client would write it. */
export function customerMail(opts: {
  from?: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}): { source: string; messageId: string } {
  const messageId = opts.messageId ?? `<cust-${Date.now()}-${++counter}@customer.example>`;
  const lines = [
    `From: ${opts.from ?? 'Jane Customer <jane@customer.example>'}`,
    `To: Acme Support <${SUPPORT.user}>`,
    `Subject: ${opts.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(opts.inReplyTo ? [`In-Reply-To: ${opts.inReplyTo}`] : []),
    ...(opts.references ? [`References: ${opts.references.join(' ')}`] : []),
    ...Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.text,
    '',
  ];
  return { source: lines.join('\r\n'), messageId };
}

/** Polls until `check` returns a value that is not null/undefined/false. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The stored message with this channel id (a Message-ID), or null while there is none. */
export async function messageByExternalId(
  ds: DataSource,
  externalId: string,
): Promise<MessageEntity | null> {
  return ds.getRepository(MessageEntity).findOneBy({ externalId });
}

/** External ids stored more than once among the messages matching `where` (should be none). */
export async function duplicatedExternalIds(
  ds: DataSource,
  where: FindOptionsWhere<MessageEntity>,
): Promise<Array<string | null>> {
  const rows = await ds
    .getRepository(MessageEntity)
    .createQueryBuilder('m')
    .select('m.externalId', 'externalId')
    .where(where)
    .groupBy('m.externalId')
    .having('count(*) > 1')
    .getRawMany<{ externalId: string | null }>();
  return rows.map((r) => r.externalId);
}

export async function waitForMessage(
  ds: DataSource,
  externalId: string,
  timeoutMs = 15_000,
): Promise<MessageEntity> {
  return eventually(() => messageByExternalId(ds, externalId), timeoutMs, `message ${externalId}`);
}
