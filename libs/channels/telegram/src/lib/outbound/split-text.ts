/** Telegram's longest message text, in UTF-16 code units after entity parsing. */
export const TELEGRAM_MAX_TEXT = 4096;

/** One part of a split text: `text === input.slice(start, end)`. */
export interface TextPart {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits text longer than `limit` into parts of at most `limit` units, cutting at the last
 * paragraph break in reach, else the last line break, else the last sentence end (". ", "! ",
 * "? ", "。"), else the last space, else hard (never inside a surrogate pair). Whitespace at a cut
 * is dropped, as Telegram trims it anyway; parts that are only whitespace are left out (Telegram
 * refuses an empty message). Formatting only ever shortens the visible text, so parts cut from
 * the raw text stay within the limit once formatted.
 */
export function splitText(text: string, limit = TELEGRAM_MAX_TEXT): TextPart[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const parts: TextPart[] = [];
  const push = (start: number, end: number): void => {
    const value = text.slice(start, end);
    if (value.trim().length > 0) parts.push({ text: value, start, end });
  };
  let position = 0;
  while (text.length - position > limit) {
    const cut = findCut(text, position, position + limit);
    push(position, cut.end);
    position = skipWhitespace(text, cut.next);
  }
  push(position, text.length);
  return parts;
}

interface Cut {
  /** End (exclusive) of the part before the cut. */
  end: number;
  /** Where the next part starts looking. */
  next: number;
}

/** The best cut in (start, windowEnd]: one backward scan, bounded by the window. */
function findCut(text: string, start: number, windowEnd: number): Cut {
  let line = -1;
  let sentence = -1;
  let space = -1;
  for (let i = windowEnd; i > start; i--) {
    const c = text[i];
    if (c === '\n') {
      if (text[i - 1] === '\n' && i - 1 > start) return { end: i - 1, next: i + 1 };
      if (line === -1) line = i;
    } else if (sentence === -1) {
      // The part keeps the sentence's punctuation and ends right after it.
      const prev = text[i - 1];
      if (c === ' ' && (prev === '.' || prev === '!' || prev === '?')) sentence = i;
      else if (prev === '。') sentence = i;
    }
    if (c === ' ' && space === -1) space = i;
  }
  if (line !== -1) return { end: line, next: line + 1 };
  if (sentence !== -1) return { end: sentence, next: sentence };
  if (space !== -1) return { end: space, next: space + 1 };
  return hardCut(text, windowEnd);
}

function hardCut(text: string, end: number): Cut {
  const last = text.charCodeAt(end - 1);
  const next = text.charCodeAt(end);
  const splitsPair = last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  const at = splitsPair ? end - 1 : end;
  return { end: at, next: at };
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i].trim().length === 0) i++;
  return i;
}
