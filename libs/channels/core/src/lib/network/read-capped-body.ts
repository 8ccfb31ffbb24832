/**
 * Reads a fetch response's body, giving up (and aborting the download) as soon as it is known to
 * be over `maxBytes`: by its Content-Length, or while streaming when that was missing or lied.
 */
export async function readCappedBody(
  res: Response,
  maxBytes: number,
  abort: AbortController,
): Promise<Buffer | 'too-large'> {
  const announced = Number(res.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > maxBytes) {
    abort.abort();
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      abort.abort();
      return 'too-large';
    }
    chunks.push(Buffer.from(next.value));
  }
  return Buffer.concat(chunks);
}
