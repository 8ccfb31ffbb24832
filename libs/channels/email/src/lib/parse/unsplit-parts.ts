import { salvagedBodyText } from './salvaged-body-text';

/** As far as the salvage reads (salvaged-body-text.ts). */
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;
/** A boundary is at most 70 characters (RFC 2046); a longer value is not one. */
const MAX_BOUNDARY_LENGTH = 200;
/** Real mail declares a handful; a mail with thousands is hostile, and its first ones will do. */
const MAX_DECLARED = 1_000;
/** How far before the end of a cut window a declaration still counts. */
const TAIL_MARGIN = 64 * 1024;

export const UNSPLIT_PART_NOTE =
  '[Part of this email’s structure is broken, so one of its parts could not be read normally. Its text is shown below as found in the raw message.]';

/**
 * The words of a part the parser never saw: somewhere in the tree a multipart declares a boundary
 * none of the mail's lines uses, so that part could not be split and its content was dropped while
 * the rest of the mail was read. The raw body's words that `knownText()` (what was read) does not
 * already hold, or null. Linear in the mail, no backtracking regular expressions.
 */
export function unsplitPartsText(source: Buffer, knownText: () => string): string | null {
  if (!hasUnusedBoundary(source)) return null;
  const salvaged = salvagedBodyText(source);
  if (!salvaged) return null;
  const known = new Set(knownText().split('\n').map(lineKey));
  const missing = salvaged.split('\n').filter((line) => {
    const key = lineKey(line);
    return key !== '' && !known.has(key);
  });
  const text = missing.join('\n').trim();
  return /\p{L}/u.test(text) ? text : null;
}

/** Whether a `boundary=` parameter names a boundary that no `--boundary` line uses. */
export function hasUnusedBoundary(source: Buffer): boolean {
  const text = source.toString('latin1', 0, Math.min(source.length, MAX_SCANNED_BYTES));
  const lower = text.toLowerCase();
  const declared = new Set<string>();
  // A mail longer than the window: a boundary declared near its end may be used past it.
  const last = source.length > MAX_SCANNED_BYTES ? text.length - TAIL_MARGIN : text.length;
  let seen = 0;
  for (let at = lower.indexOf('boundary='); at >= 0; at = lower.indexOf('boundary=', at + 9)) {
    if (at >= last) break;
    const value = boundaryAt(text, at + 9);
    if (value) declared.add(value);
    if (++seen >= MAX_DECLARED) break;
  }
  if (declared.size === 0) return false;
  const used = new Set<string>();
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('--')) continue;
    const line = raw.trimEnd();
    used.add(line.slice(2));
    if (line.endsWith('--')) used.add(line.slice(2, -2));
  }
  for (const boundary of declared) if (!used.has(boundary)) return true;
  return false;
}

/** The parameter's value at `start`: quoted, or up to `;`, a space or the line's end. */
function boundaryAt(text: string, start: number): string | null {
  const quoted = text[start] === '"';
  let end = quoted ? start + 1 : start;
  const limit = Math.min(text.length, end + MAX_BOUNDARY_LENGTH);
  while (end < limit) {
    const ch = text[end];
    if (quoted ? ch === '"' : ch === ';' || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n')
      break;
    end++;
  }
  const value = text.slice(quoted ? start + 1 : start, end);
  return value.length > 0 ? value : null;
}

/** A line as compared with what was read: trimmed, without HTML tags (one pass, no regex). */
function lineKey(line: string): string {
  let out = '';
  let inTag = false;
  for (const ch of line) {
    if (ch === '<') inTag = true;
    else if (ch === '>' && inTag) inTag = false;
    else if (!inTag) out += ch;
  }
  return out.trim();
}
