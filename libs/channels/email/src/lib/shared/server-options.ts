import type { ImapFlowOptions } from 'imapflow';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { guardedImapTls, guardedSmtpSocket } from './guarded-connect';
import { tlsTrustOptions } from './tls-trust';

/**
 * One place that turns our settings into client options, so the connection check, the sync and
 * the Sent-folder append connect exactly the same way: through the outbound network policy, which
 * refuses loopback, private and link-local servers unless the API allows them (guarded-connect).
 * OAuth secrets log in with their access token (imapflow picks OAUTHBEARER or XOAUTH2, whichever
 * the server offers); the caller makes sure it is current (see EmailChannelAdapterOptions).
 */
export function imapClientOptions(settings: EmailSettings, secrets: EmailSecrets): ImapFlowOptions {
  const { imap } = settings;
  return {
    host: imap.host,
    port: imap.port,
    secure: imap.security === 'tls',
    // starttls: an upgrade is required; none: never try one (loopback test servers).
    doSTARTTLS: imap.security === 'starttls' ? true : imap.security === 'none' ? false : undefined,
    auth:
      secrets.auth === 'oauth'
        ? { user: imap.user, accessToken: secrets.accessToken }
        : { user: imap.user, pass: secrets.imapPassword },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
    tls: { ...guardedImapTls(imap.host), ...tlsTrustOptions(settings, imap.host) },
  };
}

export type SmtpAuthOptions =
  { user: string; pass: string } | { type: 'OAuth2'; user: string; accessToken: string };

export interface SmtpTransportOptions {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  ignoreTLS: boolean;
  auth: SmtpAuthOptions;
  tls: { rejectUnauthorized?: false };
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
    // With only an access token nodemailer sends SASL XOAUTH2 and never tries to renew it itself.
    auth:
      secrets.auth === 'oauth'
        ? { type: 'OAuth2', user: smtp.user, accessToken: secrets.accessToken }
        : { user: smtp.user, pass: secrets.smtpPassword },
    tls: tlsTrustOptions(settings, smtp.host),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // Attachments are buffers we hand over; never let message data make the mailer read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    getSocket: guardedSmtpSocket,
  };
}
