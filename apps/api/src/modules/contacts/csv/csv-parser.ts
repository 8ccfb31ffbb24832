/** A CSV record and the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParseResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

export interface CsvLimits {
  maxRecords: number;
  maxCells: number;
  maxCellLength: number;
}

/**
 * RFC 4180 CSV, read in one pass over the characters (no regular expressions, linear in the
 * input): quoted cells may hold commas, quotes ("") and line breaks; CRLF, LF and CR end a
 * record; a leading byte-order mark is skipped; blank lines are skipped. A quote inside an
 * unquoted cell, text after a closing quote and an unterminated quote are errors with their line.
 */
export function parseCsv(text: string, limits: CsvLimits): CsvParseResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current cell was quoted and has closed
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (reason: string, at = line): CsvParseResult => ({ ok: false, line: at, reason });
  const endCell = (): string | null => {
    if (cell.length > limits.maxCellLength)
      return `a cell is longer than ${limits.maxCellLength} characters`;
    cells.push(cell);
    cell = '';
    wasQuoted = false;
    return cells.length > limits.maxCells ? `more than ${limits.maxCells} columns` : null;
  };
  const endRecord = (): string | null => {
    const problem = endCell();
    if (problem) return problem;
    const blank = cells.length === 1 && cells[0] === '';
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    return records.length > limits.maxRecords ? `more than ${limits.maxRecords} rows` : null;
  };

  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
        if (cell.length > limits.maxCellLength)
          return fail(`a cell is longer than ${limits.maxCellLength} characters`, recordLine);
      }
      i++;
      continue;
    }
    if (c === ',') {
      const problem = endCell();
      if (problem) return fail(problem, recordLine);
    } else if (c === '\r' || c === '\n') {
      const problem = endRecord();
      if (problem) return fail(problem, recordLine);
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      return fail('text after a closing quote (a quote inside a cell is written "")');
    } else if (c === '"') {
      if (cell.length > 0) return fail('a quote inside an unquoted cell (quote the whole cell)');
      quoted = true;
    } else {
      cell += c;
      if (cell.length > limits.maxCellLength)
        return fail(`a cell is longer than ${limits.maxCellLength} characters`, recordLine);
    }
    i++;
  }
  if (quoted) return fail('a quoted cell is never closed', recordLine);
  if (cell.length > 0 || cells.length > 0 || wasQuoted) {
    const problem = endRecord();
    if (problem) return fail(problem, recordLine);
  }
  return { ok: true, records };
}
