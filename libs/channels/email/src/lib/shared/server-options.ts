import type { ImapFlowOptions } from 'imapflow';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { guardedImapTls, guardedSmtpSocket } from './guarded-connect';

/**
 * One place that turns our settings into client options, so the connection check, the sync and
 * the Sent-folder append connect exactly the same way: through the outbound network policy, which
 * refuses loopback, private and link-local servers unless the API allows them (guarded-connect).
 */
export function imapClientOptions(settings: EmailSettings, secrets: EmailSecrets): ImapFlowOptions {
  const { imap } = settings;
  return {
    host: imap.host,
    port: imap.port,
    secure: imap.security === 'tls',
    // starttls: an upgrade is required; none: never try one (loopback test servers).
    doSTARTTLS: imap.security === 'starttls' ? true : imap.security === 'none' ? false : undefined,
    auth: { user: imap.user, pass: secrets.imapPassword },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
    tls: guardedImapTls(imap.host),
  };
}

export interface SmtpTransportOptions {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  ignoreTLS: boolean;
  auth: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
  disableFileAccess: true;
  disableUrlAccess: true;
  getSocket: typeof guardedSmtpSocket;
}

export function smtpTransportOptions(
  settings: EmailSettings,
  secrets: EmailSecrets,
): SmtpTransportOptions {
  const { smtp } = settings;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: { user: smtp.user, pass: secrets.smtpPassword },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // Attachments are buffers we hand over; never let message data make the mailer read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    getSocket: guardedSmtpSocket,
  };
}
