import { copyToShared, isShared, SHARED_COPY_SLICE_BYTES } from './shared-bytes';

/** Counts the turns of the event loop that ran while `work` was in progress. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  running = false;
  return { result, turns };
}

describe('copyToShared', () => {
  it('keeps every byte in order across chunks of any size, in shared memory', async () => {
    const sizes = [0, 1, SHARED_COPY_SLICE_BYTES - 1, 3, SHARED_COPY_SLICE_BYTES * 2 + 7, 5];
    const chunks = sizes.map((size, n) =>
      Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + n * 7) % 256)),
    );
    const copied = await copyToShared(chunks);
    expect(isShared(copied)).toBe(true);
    expect(isShared(chunks[1]!)).toBe(false);
    expect(copied.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('lets the event loop turn between slices, so a large mail never holds it in one copy', async () => {
    const bytes = SHARED_COPY_SLICE_BYTES * 12 + 100;
    const { result, turns } = await turnsDuring(() => copyToShared([Buffer.alloc(bytes, 7)]));
    expect(result.length).toBe(bytes);
    // One turn per full slice at least: a single blocking copy would allow none.
    expect(turns).toBeGreaterThanOrEqual(12);
  });

  it('copies an empty input to an empty shared buffer', async () => {
    const copied = await copyToShared([]);
    expect(copied.length).toBe(0);
    expect(isShared(copied)).toBe(true);
  });
});
