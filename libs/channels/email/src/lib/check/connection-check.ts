import { PrivateNetworkTargetError, providerTextExcerpt } from '@switchboard/channels-core';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import type { EmailSecrets, EmailSettings } from '../email-settings.schema';
import { imapClientOptions, smtpTransportOptions } from '../shared/server-options';

export type ConnectionProblem =
  | 'AUTH_FAILED'
  | 'UNREACHABLE'
  | 'TLS_MISMATCH'
  | 'CERTIFICATE_UNTRUSTED'
  | 'TIMEOUT'
  | 'MAILBOX_MISSING'
  | 'PRIVATE_NETWORK'
  | 'UNKNOWN';

export type ConnectionCheckResult =
  | { ok: true }
  | { ok: false; server: 'imap' | 'smtp'; problem: ConnectionProblem; message: string };

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  authenticationFailed?: unknown;
  tlsFailed?: unknown;
  mailboxMissing?: unknown;
  responseCode?: unknown;
  reason?: unknown;
}

/**
 * Logs in to both servers the way the sync and the sender will, and says in plain words what is
 * wrong: the admin sees "wrong password" rather than a stack trace, before anything is saved.
 */
export async function checkEmailConnection(
  settings: EmailSettings,
  secrets: EmailSecrets,
): Promise<ConnectionCheckResult> {
  const imap = await checkImap(settings, secrets);
  if (!imap.ok) return imap;
  return checkSmtp(settings, secrets);
}

async function checkImap(
  settings: EmailSettings,
  secrets: EmailSecrets,
): Promise<ConnectionCheckResult> {
  let client: ImapFlow;
  try {
    client = new ImapFlow({
      ...imapClientOptions(settings, secrets),
      disableAutoIdle: true,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    });
  } catch (err) {
    return describe('imap', err, settings.imap.host, settings.imap.port, null);
  }
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.mailboxOpen(settings.imap.mailbox, { readOnly: true });
    if (settings.imap.sentFolder) {
      const status = await client
        .status(settings.imap.sentFolder, { messages: true })
        .catch(() => false as const);
      if (status === false) {
        return fail(
          'imap',
          'MAILBOX_MISSING',
          `IMAP: the Sent folder "${settings.imap.sentFolder}" does not exist`,
        );
      }
    }
    return { ok: true };
  } catch (err) {
    return describe(
      'imap',
      err,
      settings.imap.host,
      settings.imap.port,
      settings.imap.mailbox,
      secrets.auth === 'oauth',
    );
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function checkSmtp(
  settings: EmailSettings,
  secrets: EmailSecrets,
): Promise<ConnectionCheckResult> {
  let transport: ReturnType<typeof createTransport>;
  try {
    transport = createTransport({
      ...smtpTransportOptions(settings, secrets),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    });
  } catch (err) {
    return describe('smtp', err, settings.smtp.host, settings.smtp.port, null);
  }
  try {
    await transport.verify();
    return { ok: true };
  } catch (err) {
    return describe(
      'smtp',
      err,
      settings.smtp.host,
      settings.smtp.port,
      null,
      secrets.auth === 'oauth',
    );
  } finally {
    transport.close();
  }
}

function describe(
  server: 'imap' | 'smtp',
  err: unknown,
  host: string,
  port: number,
  mailbox: string | null,
  oauth = false,
): ConnectionCheckResult {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const raw = typeof e.message === 'string' ? e.message : String(err);
  // nodemailer wraps socket errors as ESOCKET/ECONNECTION; the system code is in the message.
  const systemCode =
    /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ETIMEDOUT)\b/.exec(raw)?.[1];
  const code = systemCode ?? (typeof e.code === 'string' ? e.code : '');
  const label = server.toUpperCase();
  const where = `${host}:${port}`;

  const refusal = privateNetworkRefusal(err);
  if (refusal) return fail(server, 'PRIVATE_NETWORK', `${label}: ${refusal.message}`);

  if (e.authenticationFailed === true || code === 'EAUTH' || e.responseCode === 535) {
    return fail(
      server,
      'AUTH_FAILED',
      oauth
        ? `${label}: ${where} refused the OAuth access token; is ${label} access enabled for this mailbox?`
        : `${label}: login refused at ${where}: wrong user name or password`,
    );
  }
  if (CERTIFICATE_CODES.has(code) || /self[- ]signed certificate/i.test(raw)) {
    return fail(
      server,
      'CERTIFICATE_UNTRUSTED',
      `${label}: the certificate of ${where} is not trusted (${code || 'self-signed'}); if it is your own server's self-signed certificate, name ${host} as such in the settings`,
    );
  }
  if (e.mailboxMissing === true || (mailbox && /NONEXISTENT|doesn't exist|not exist/i.test(raw))) {
    return fail(server, 'MAILBOX_MISSING', `${label}: the mailbox "${mailbox}" does not exist`);
  }
  if (
    e.tlsFailed === true ||
    code === 'ETLS' ||
    code === 'ClosedAfterConnectTLS' ||
    code === 'UPGRADE_TIMEOUT' ||
    /ssl|tls|wrong version number|certificate|EPROTO|STARTTLS/i.test(`${code} ${raw}`)
  ) {
    return fail(
      server,
      'TLS_MISMATCH',
      `${label}: TLS negotiation with ${where} failed; check the security setting (TLS, STARTTLS or none) matches the port`,
    );
  }
  if (
    [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'EAI_AGAIN',
      'EDNS',
      'NoConnection',
    ].includes(code)
  ) {
    return fail(server, 'UNREACHABLE', `${label}: cannot reach ${where} (${code})`);
  }
  if (/TIMEOUT|ETIMEDOUT/i.test(code)) {
    return fail(
      server,
      'TIMEOUT',
      `${label}: ${where} did not answer in time; wrong port or a firewall?`,
    );
  }
  if (code === 'ECONNECTION' || code === 'ClosedAfterConnectText' || code === 'EConnectionClosed') {
    // A plain-text client talking to a TLS port sees the connection dropped without a greeting.
    return fail(
      server,
      'TLS_MISMATCH',
      `${label}: ${where} closed the connection; the security setting may not match the port`,
    );
  }
  // The server's own words, but only an excerpt: never a whole (possibly hostile) answer.
  return fail(server, 'UNKNOWN', `${label}: ${providerTextExcerpt(raw)}`);
}

/** Node's codes for a certificate that does not verify (the connection itself worked). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The outbound network policy's refusal, possibly wrapped by the mail client. */
function privateNetworkRefusal(err: unknown): PrivateNetworkTargetError | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (e instanceof PrivateNetworkTargetError) return e;
    const inner = e as { cause?: unknown; _err?: unknown };
    e = inner.cause ?? inner._err;
  }
  return null;
}

function fail(
  server: 'imap' | 'smtp',
  problem: ConnectionProblem,
  message: string,
): ConnectionCheckResult {
  return { ok: false, server, problem, message };
}
