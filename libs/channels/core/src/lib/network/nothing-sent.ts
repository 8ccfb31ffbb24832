/**
 * Connection failures where provably nothing reached the provider (no connection, or a TLS
 * handshake that failed before any request byte): safe to retry without risking a second send.
 */
const NOTHING_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Whether a Node network error code says the request never left this machine. */
export function nothingWasSent(code: string | null | undefined): boolean {
  return typeof code === 'string' && NOTHING_SENT_CODES.has(code);
}
