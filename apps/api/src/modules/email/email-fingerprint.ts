import { createHash } from 'node:crypto';

/**
 * What makes two fetched mails the same mail: the sender and the body bytes (everything after
 * the header block). Transport headers (Received, Delivered-To) differ between two deliveries of
 * one mail and are left out; a different mail that reuses a Message-ID (mailing tools, some
 * clients) has another body. One linear pass over the source.
 */
export function emailFingerprint(source: Buffer, sender: string): string {
  const crlf = source.indexOf('\r\n\r\n');
  const lf = source.indexOf('\n\n');
  const ends = [crlf === -1 ? -1 : crlf + 4, lf === -1 ? -1 : lf + 2].filter((i) => i >= 0);
  const bodyStart = ends.length > 0 ? Math.min(...ends) : source.length;
  return createHash('sha256')
    .update(sender.toLowerCase())
    .update('\0')
    .update(source.subarray(bodyStart))
    .digest('hex');
}

/** The id a different mail under a reused Message-ID is stored with (references still match). */
export function variantMessageId(messageId: string, fingerprint: string): string {
  return `${messageId}#${fingerprint.slice(0, 16)}`;
}
