/** Polls until `check` returns a truthy value; fails with `describe()` of the last state. */
export async function waitUntil<T>(
  check: () => Promise<T> | T,
  describe: () => Promise<string> | string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
