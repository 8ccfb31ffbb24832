/** Characters a spreadsheet reads as the start of a formula (CSV injection). */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One CSV cell: a value a spreadsheet would run as a formula gets a leading apostrophe (so
 * "=HYPERLINK(…)" stays text), and a cell with a comma, quote or line break is quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && text.length > 0 && FORMULA_STARTS.has(text[0]!))
    text = `'${text}`;
  const needsQuotes =
    text.includes(',') || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.split('"').join('""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * What an imported cell meant before export protected it: the apostrophe our export put before
 * a formula character comes off again, so an export imported back changes nothing.
 */
export function unprotectCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_STARTS.has(text[1]!) ? text.slice(1) : text;
}
