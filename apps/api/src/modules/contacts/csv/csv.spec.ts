import fc from 'fast-check';
import { parseCsv } from './csv-parser';
import { csvCell, csvLine, unprotectCell } from './csv-writer';

const LIMITS = { maxRecords: 10_000, maxCells: 200, maxCellLength: 100_000 };
const cellsOf = (text: string) => {
  const r = parseCsv(text, LIMITS);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.reason}`);
  return r.records.map((rec) => rec.cells);
};

describe('CSV', () => {
  it('reads quotes, commas, line breaks, CRLF, a BOM and unicode', () => {
    const text = '\uFEFFname,notes\r\n"Lovelace, Ada","said ""hi""\nthen left"\r\nЗоя,مرحبا 👋\n\n';
    expect(cellsOf(text)).toEqual([
      ['name', 'notes'],
      ['Lovelace, Ada', 'said "hi"\nthen left'],
      ['Зоя', 'مرحبا 👋'],
    ]);
    // Each record knows the line it starts on, counting line breaks inside quotes.
    const r = parseCsv(text, LIMITS);
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('refuses broken quoting and too much input with the line', () => {
    expect(parseCsv('a,b\n"open,c\n', LIMITS)).toEqual({
      ok: false,
      line: 2,
      reason: 'a quoted cell is never closed',
    });
    expect(parseCsv('a\nb"c\n', LIMITS)).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('"a"b\n', LIMITS)).toMatchObject({ ok: false, line: 1 });
    expect(parseCsv('a\nb\nc\n', { ...LIMITS, maxRecords: 2 })).toMatchObject({
      ok: false,
      line: 3,
    });
    expect(parseCsv('a,b,c\n', { ...LIMITS, maxCells: 2 })).toMatchObject({ ok: false });
    expect(parseCsv('abcdef\n', { ...LIMITS, maxCellLength: 3 })).toMatchObject({ ok: false });
  });

  it('protects formula cells and quotes what needs it', () => {
    expect(['=1+1', '+49', '-x', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+49",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-3)).toBe('-3');
    expect(csvLine(['a', null, true])).toBe('a,,true\r\n');
  });

  it('round-trips any text (fuzz), in linear time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }),
          { maxLength: 20 },
        ),
        (rows) => {
          const text = rows.map(csvLine).join('');
          const back = cellsOf(text).map((cells) => cells.map(unprotectCell));
          // A blank line is no record; "'=" typed by hand reads as "=" (export's protection undone).
          const expected = rows
            .filter((r) => !(r.length === 1 && r[0] === ''))
            .map((r) => r.map(unprotectCell));
          expect(back).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws or hangs on hostile input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseCsv(text, LIMITS);
      }),
      { numRuns: 500 },
    );
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    parseCsv('"'.repeat(2_000_000), LIMITS);
    parseCsv(`${'a,'.repeat(1_000_000)}\n`, { ...LIMITS, maxCells: 2_000_000 });
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
  });
});
