import { stripUnsafeCharacters } from '@switchboard/contracts';

/** Long enough for a validation message naming several fields; short enough for a toast or a log. */
export const MAX_ERROR_MESSAGE_LENGTH = 1_000;

/**
 * What an error message may carry to a client: no control characters (a provider's or a mail
 * server's words can end up in one) and a bounded length.
 */
export function presentableMessage(message: string, max = MAX_ERROR_MESSAGE_LENGTH): string {
  const clean = stripUnsafeCharacters(message);
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}
