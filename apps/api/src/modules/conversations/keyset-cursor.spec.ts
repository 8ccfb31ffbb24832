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
