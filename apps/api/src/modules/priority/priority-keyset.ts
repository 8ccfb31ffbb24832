import { AppException } from '../../core/http/app.exception';
import { decodeKeyset, encodeKeyset, type Keyset } from '../conversations/keyset-cursor';

/** A cursor of the feed sorted by priority: the rank besides the activity keyset. */
export interface PriorityKeyset extends Keyset {
  rank: number;
}

const PREFIX = 'p:';

export function encodePriorityKeyset(k: PriorityKeyset): string {
  return `${PREFIX}${k.rank}:${encodeKeyset(k)}`;
}

/**
 * Reads a cursor of the priority order; a cursor of the other order (or garbage) is a 400, so a
 * page never continues in an order it did not start in.
 */
export function decodePriorityKeyset(cursor: string | undefined): PriorityKeyset | null {
  if (!cursor) return null;
  const rank = Number(cursor.slice(PREFIX.length, PREFIX.length + 1));
  if (!cursor.startsWith(PREFIX) || !(rank >= 0 && rank <= 3) || cursor[PREFIX.length + 1] !== ':')
    throw new AppException('VALIDATION_FAILED', 'cursor: not a cursor of the priority order');
  const rest = decodeKeyset(cursor.slice(PREFIX.length + 2));
  if (!rest)
    throw new AppException('VALIDATION_FAILED', 'cursor: not a cursor of the priority order');
  return { ...rest, rank };
}

/** True for a cursor of the priority order (the activity order's cursors never start so). */
export const isPriorityCursor = (cursor: string | undefined) => Boolean(cursor?.startsWith(PREFIX));
