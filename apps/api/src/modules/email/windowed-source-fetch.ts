import type { ImapFlow } from 'imapflow';
import { copyToShared } from './shared-bytes';

/** A message larger than this is fetched in windows of this size, not in one piece. */
export const SOURCE_WINDOW_BYTES = 1024 * 1024;

/**
 * A large message's whole source, fetched as partial FETCHes (`BODY.PEEK[]<start.length>`) of one
 * window each and gathered into shared memory for the parse worker. imapflow assembles a literal
 * with one `Buffer.concat` on the API's thread: fetched whole, a 10 MB mail holds the event loop
 * for about 40 ms there; one window costs a few. Null when the message is gone (expunged).
 */
export async function fetchSourceInWindows(
  client: ImapFlow,
  uid: number,
  expectedSize: number,
): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let fetched = 0;
  // A server whose sizes lie cannot keep us fetching forever.
  const limit = expectedSize * 2 + SOURCE_WINDOW_BYTES;
  while (fetched <= limit) {
    const msg = await client.fetchOne(
      String(uid),
      { uid: true, source: { start: fetched, maxLength: SOURCE_WINDOW_BYTES } },
      { uid: true },
    );
    if (!msg) return null;
    const chunk = msg.source ?? Buffer.alloc(0);
    // Some servers ignore the partial range and send the whole message every time.
    if (chunk.length > SOURCE_WINDOW_BYTES) return copyToShared([chunk]);
    if (chunk.length > 0) chunks.push(chunk);
    fetched += chunk.length;
    if (chunk.length < SOURCE_WINDOW_BYTES) break;
  }
  return chunks.length > 0 ? copyToShared(chunks) : null;
}
