/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx): the database refused a value from the
 * request. Validation should have caught it first (the route fuzz test checks that it does); if
 * a gap remains, the client still learns it sent something unstorable instead of getting a 500.
 */
const REASONS: Record<string, string> = {
  '22P05': 'a text value contains a character that cannot be stored (such as NUL)',
  '22021': 'a text value contains a character that cannot be stored',
  '22P02': 'a value has the wrong format (for example an id that is not a UUID)',
  '22007': 'a date or time has the wrong format',
  '22008': 'a date or time is out of range',
  '22001': 'a value is too long',
  '22003': 'a number is out of range',
};

/** `details.reason` of such an answer, so tests can tell the safety net from real validation. */
export const STORAGE_REFUSED = 'storage_refused';

/** The reason to give when the error is PostgreSQL refusing a value, else null. */
export function storageRefusal(e: unknown): string | null {
  if (!(e instanceof Error) || e.name !== 'QueryFailedError') return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('22')) return null;
  return `The request could not be stored: ${REASONS[code] ?? 'a value is invalid'}`;
}
