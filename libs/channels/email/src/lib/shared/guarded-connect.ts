import { connect, isIP, type Socket } from 'node:net';
import { assertAllowedAddress, guardedLookup } from '@switchboard/channels-core';

/**
 * Mail servers are typed in by an admin: every connection to one goes through the outbound
 * network policy, on the connection itself (DNS rebinding cannot slip past a check made when the
 * inbox was saved).
 */

/** Throws PrivateNetworkTargetError for an IP literal the policy refuses (a name is checked on lookup). */
export function assertAllowedLiteral(host: string): void {
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(literal)) assertAllowedAddress(host, literal);
}

/** `tls` options for ImapFlow: its net/tls connect resolves names through the guarded lookup. */
export function guardedImapTls(host: string): { lookup: ReturnType<typeof guardedLookup> } {
  assertAllowedLiteral(host);
  return { lookup: guardedLookup() };
}

interface SmtpSocketRequest {
  host?: string;
  port?: number;
  connectionTimeout?: number;
}

/**
 * nodemailer's `getSocket` hook: opens the TCP connection itself through the guarded lookup and
 * hands it over; nodemailer then speaks SMTP (and TLS, with the host name for SNI and the
 * certificate check) over it, exactly as over a socket it opened.
 */
export function guardedSmtpSocket(
  options: SmtpSocketRequest,
  callback: (err: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const host = options.host ?? 'localhost';
  try {
    assertAllowedLiteral(host);
  } catch (err) {
    return callback(err as Error);
  }
  const socket = connect({
    host: host.replace(/^\[(.*)\]$/, '$1'),
    port: options.port ?? 25,
    lookup: guardedLookup(),
  });
  const timer = setTimeout(
    () =>
      socket.destroy(
        Object.assign(new Error(`Connection to ${host} timed out`), { code: 'ETIMEDOUT' }),
      ),
    options.connectionTimeout ?? 15_000,
  );
  const onError = (err: Error) => {
    clearTimeout(timer);
    callback(err);
  };
  socket.once('error', onError);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.removeListener('error', onError);
    callback(null, { connection: socket });
  });
}
