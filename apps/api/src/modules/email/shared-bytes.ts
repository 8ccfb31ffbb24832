import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Copied at most this much at a time. Fresh memory is paid for page by page on first touch, and
 * on this kind of machine a 10 MB copy holds the event loop for about 30 ms; 512 KB costs under
 * 2 ms, and every other request gets its turn between slices.
 */
export const SHARED_COPY_SLICE_BYTES = 512 * 1024;

/** Whether these bytes live in a SharedArrayBuffer (checked by tag: jest's sandbox is another realm). */
export function isShared(bytes: Uint8Array): boolean {
  return Object.prototype.toString.call(bytes.buffer) === '[object SharedArrayBuffer]';
}

/**
 * The bytes of `chunks`, in order, in one SharedArrayBuffer, copied slice by slice with a turn of
 * the event loop between slices. A worker thread receives shared bytes without a copy, so a large
 * mail crosses to the parse worker without one long copy on the API's thread.
 */
export async function copyToShared(chunks: readonly Uint8Array[]): Promise<Buffer> {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const target = new Uint8Array(new SharedArrayBuffer(total));
  let at = 0;
  let sinceTurn = 0;
  for (const chunk of chunks) {
    for (let from = 0; from < chunk.byteLength;) {
      const take = Math.min(chunk.byteLength - from, SHARED_COPY_SLICE_BYTES - sinceTurn);
      target.set(chunk.subarray(from, from + take), at);
      at += take;
      from += take;
      sinceTurn += take;
      if (sinceTurn >= SHARED_COPY_SLICE_BYTES) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
  }
  return Buffer.from(target.buffer, 0, total);
}
