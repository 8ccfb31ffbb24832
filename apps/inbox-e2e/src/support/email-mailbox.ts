import type { InboxDto } from '@switchboard/contracts';
import {
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import type { InboxHarness } from './inbox-harness';

/** The support mailbox the email specs' customers write to. */
export const MAILBOX = { user: 'support@example.test', password: 'imap-secret' } as const;

export interface MailServers {
  dovecot: DovecotServer;
  smtp: SmtpPeer;
  stop(): Promise<void>;
}

/**
 * A real Dovecot holding the support mailbox and a real SMTP peer, with the API's email sync set to
 * look every second: call before InboxHarness.start (the API reads the timings when it starts).
 */
export async function startMailServers(): Promise<MailServers> {
  Object.assign(process.env, { EMAIL_SYNC_POLL_MS: '1000', EMAIL_SYNC_RECONNECT_MS: '200' });
  const dovecot = await startDovecot({ users: [MAILBOX] });
  const smtp = await startSmtpPeer();
  return {
    dovecot,
    smtp,
    async stop() {
      await smtp.close();
      await dovecot.stop();
    },
  };
}

/** The email inbox "Support mail" on those servers; `settings` adds to or replaces its settings. */
export function connectEmailInbox(
  h: InboxHarness,
  { dovecot, smtp }: MailServers,
  settings: Record<string, unknown> = {},
): Promise<InboxDto> {
  return h.admin.ok<InboxDto>('POST', '/api/inboxes', {
    kind: 'email',
    name: 'Support mail',
    settings: {
      fromAddress: MAILBOX.user,
      fromName: 'Acme Support',
      imap: {
        host: dovecot.host,
        port: dovecot.port,
        security: 'none',
        user: MAILBOX.user,
        mailbox: 'INBOX',
      },
      smtp: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user },
      historyDays: 30,
      ...settings,
    },
    secrets: { imapPassword: MAILBOX.password, smtpPassword: smtp.password },
  });
}
