import type { EmailSettings } from '../email-settings.schema';

/**
 * Whether a connection to `host` accepts the server's certificate without a chain to a trusted
 * authority: only when the admin named exactly this host as one with a self-signed certificate.
 * Node cannot tell "self-signed" from other verification failures before the handshake is over,
 * so for that one host the certificate is not verified at all (the connection is still encrypted);
 * every other host, including the other server of the same inbox, is verified as usual.
 */
export function acceptsSelfSignedCertificate(settings: EmailSettings, host: string): boolean {
  const named = settings.selfSignedCertificateHost;
  return typeof named === 'string' && named.toLowerCase() === host.toLowerCase();
}

/** Extra TLS options for a connection to `host` (empty unless the host was named). */
export function tlsTrustOptions(
  settings: EmailSettings,
  host: string,
): { rejectUnauthorized?: false } {
  return acceptsSelfSignedCertificate(settings, host) ? { rejectUnauthorized: false } : {};
}
