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
  if (!at || !id || !ISO_MICROS.test(at) || !UUID.test(id)) {
    throw new AppException('VALIDATION_FAILED', 'cursor: not a cursor returned by this API');
  }
  return { at, id };
}

export const isUuid = (v: string) => UUID.test(v);

/** SQL for a timestamptz column rendered with microseconds in UTC, matching ISO_MICROS. */
export const microsUtc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
