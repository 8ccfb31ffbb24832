import { AppException } from '../../core/http/app.exception';

/**
 * Opaque keyset cursors: (timestamp with microseconds, id). Microseconds matter: JavaScript dates
 * would round them away and make pages skip or repeat rows that share a millisecond.
 */
export interface Keyset {
  at: string;
  id: string;
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeKeyset(k: Keyset): string {
  return Buffer.from(`${k.at}|${k.id}`).toString('base64url');
}

export function decodeKeyset(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !ISO_MICROS.test(at) || !isRealInstant(at) || !UUID.test(id)) {
    throw new AppException('VALIDATION_FAILED', 'cursor: not a cursor returned by this API');
  }
  return { at, id };
}

export const isUuid = (v: string) => UUID.test(v);

/**
 * The shape alone lets 2024-02-30, month 13 or year 0000 through, which PostgreSQL refuses with an
 * error: the date must exist on the calendar, in years PostgreSQL and we both store.
 */
function isRealInstant(at: string): boolean {
  const part = (from: number, to: number) => Number(at.slice(from, to));
  const [year, month, day] = [part(0, 4), part(5, 7), part(8, 10)];
  if (year < 1 || part(11, 13) > 23 || part(14, 16) > 59 || part(17, 19) > 59) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** SQL for a timestamptz column rendered with microseconds in UTC, matching ISO_MICROS. */
export const microsUtc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
