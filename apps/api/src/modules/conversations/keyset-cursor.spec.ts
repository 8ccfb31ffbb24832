import { decodeKeyset, encodeKeyset } from './keyset-cursor';

describe('keyset cursors', () => {
  it('round-trips microsecond timestamps', () => {
    const k = { at: '2026-11-22T10:00:00.123456Z', id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' };
    expect(decodeKeyset(encodeKeyset(k))).toEqual(k);
  });

  it('rejects forged cursors with a 400', () => {
    expect(() => decodeKeyset('not-a-cursor')).toThrow(/cursor/);
    expect(() => decodeKeyset(Buffer.from("2026'; DROP TABLE x|1").toString('base64url'))).toThrow(
      /cursor/,
    );
  });
});

describe('keyset cursors that decode to impossible instants', () => {
  const id = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
  const cursorAt = (at: string) => encodeKeyset({ at, id });

  it.each([
    ['February 30th', '2024-02-30T10:00:00.000000Z'],
    ['February 29th outside a leap year', '2023-02-29T10:00:00.000000Z'],
    ['month 13', '2024-13-01T10:00:00.000000Z'],
    ['month 0', '2024-00-10T10:00:00.000000Z'],
    ['day 0', '2024-05-00T10:00:00.000000Z'],
    ['year 0', '0000-01-01T10:00:00.000000Z'],
    ['hour 24', '2024-01-01T24:00:00.000000Z'],
    ['minute 60', '2024-01-01T10:60:00.000000Z'],
  ])('refuses %s with a 400 naming the cursor', (_label, at) => {
    expect(() => decodeKeyset(cursorAt(at))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('cursor'),
      }),
    );
  });

  it('keeps real edge dates: leap days, the last microsecond of a year, year 1 and 9999', () => {
    for (const at of [
      '2024-02-29T00:00:00.000000Z',
      '2000-02-29T12:00:00.000000Z',
      '2025-12-31T23:59:59.999999Z',
      '0001-01-01T00:00:00.000000Z',
      '9999-12-31T23:59:59.999999Z',
    ])
      expect(decodeKeyset(cursorAt(at))).toEqual({ at, id });
  });
});
