/** How much of a broken mail's body is read, and how much text is kept. */
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;
const MAX_TEXT_LENGTH = 100_000;
/** A line this long without a space is encoded data (base64), not words. */
const ENCODED_LINE = 60;

export const SALVAGED_BODY_NOTE =
  '[This email’s structure is broken, so it could not be read normally. Its text is shown as found in the raw message.]';

/**
 * The words of a mail whose MIME structure the parser could not follow (a multipart with no
 * boundary, or one its parts do not use), as they stand in the raw body: boundary lines, part
 * headers and encoded data lines left out. Null when nothing readable is there. For mail the
 * parser found no text, no HTML and no attachment in; one linear pass, no regular expressions.
 */
export function salvagedBodyText(source: Buffer): string | null {
  const text = source.toString('utf8', 0, Math.min(source.length, MAX_SCANNED_BYTES));
  const lines = text.split('\n');
  let i = 0;
  // The message's own header block ends at the first empty line.
  while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  return wordsOf(lines, i + 1);
}

/**
 * The same, for a body already apart from its message's header block (as latin1, one character
 * per byte): a MIME tree nested deeper than any reader follows still shows its words.
 */
export function salvagedPartsText(body: string): string | null {
  const bytes = Buffer.from(body.slice(0, MAX_SCANNED_BYTES), 'latin1');
  return wordsOf(bytes.toString('utf8').split('\n'), 0);
}

function wordsOf(lines: string[], start: number): string | null {
  const kept: string[] = [];
  let inPartHeaders = false;
  for (let i = start; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.startsWith('--')) {
      // A boundary: the lines after it are a part's headers, up to an empty line.
      inPartHeaders = true;
      continue;
    }
    if (inPartHeaders) {
      if (line.trim() === '') {
        inPartHeaders = false;
        continue;
      }
      if (isHeaderLine(line) || line.startsWith(' ') || line.startsWith('\t')) continue;
      // No empty line after the boundary: this is already text.
      inPartHeaders = false;
    }
    if (isEncodedData(line)) continue;
    kept.push(line);
  }
  const body = kept.join('\n').trim();
  if (!hasWords(body)) return null;
  return body.slice(0, MAX_TEXT_LENGTH);
}

/** `Name: value`, the name made of letters, digits and dashes. */
function isHeaderLine(line: string): boolean {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 76) return false;
  for (let c = 0; c < colon; c++) {
    const ch = line.charCodeAt(c);
    const ok =
      (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 45;
    if (!ok) return false;
  }
  return true;
}

function isEncodedData(line: string): boolean {
  return line.length >= ENCODED_LINE && !line.includes(' ');
}

/** Some letter in any script (not only punctuation, digits and replacement characters). */
function hasWords(text: string): boolean {
  // One character class, no quantifier: a single linear scan.
  return /\p{L}/u.test(text);
}
