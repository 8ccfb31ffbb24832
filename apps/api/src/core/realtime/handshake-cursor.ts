/**
 * The resume cursor of an operator's socket handshake, checked on its own so a bad one is named
 * as such (a client bug to fix) instead of being reported as a missing or expired session.
 * Returns the reason to refuse the connection with, or null when the cursor is absent or valid.
 */
export function handshakeCursorProblem(auth: unknown): string | null {
  const cursor = (typeof auth === 'object' && auth !== null ? auth : {}) as { cursor?: unknown };
  const value = cursor.cursor;
  if (value === undefined || value === null) return null;
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return null;
  return 'invalid cursor: "cursor" must be a non-negative integer (the last stream.event cursor applied), or left out';
}
