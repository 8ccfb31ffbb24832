import { salvagedBodyText } from './salvaged-body-text';

const mail = (body: string) => Buffer.from(`From: a@x.example\r\nSubject: s\r\n\r\n${body}`);

describe('salvagedBodyText', () => {
  it('keeps the words, without boundaries, part headers or encoded lines', () => {
    const body = [
      'preamble words',
      '--b1',
      'Content-Type: text/plain;',
      '\tcharset=utf-8',
      '',
      'Hello, my order 42',
      '--b1',
      'Content-Type: application/octet-stream',
      '',
      'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=',
      '--b1--',
    ].join('\r\n');
    expect(salvagedBodyText(mail(body))).toBe('preamble words\nHello, my order 42');
  });

  it('keeps a text line right after a boundary, and text in scripts without case', () => {
    expect(salvagedBodyText(mail('--x\r\nمرحبا، طلبي لم يصل\r\n'))).toBe('مرحبا، طلبي لم يصل');
  });

  it('finds nothing readable in punctuation, digits or encoded data alone', () => {
    expect(salvagedBodyText(mail('--x\r\n12345 !!!\r\n'))).toBeNull();
    expect(salvagedBodyText(mail(''))).toBeNull();
    expect(salvagedBodyText(Buffer.from('Subject: only headers\r\n'))).toBeNull();
  });

  // A guard against super-linear work (a quadratic pass over 2 MB takes hours), not a budget:
  // each case takes tens of milliseconds; the bound leaves room for a loaded machine.
  it('stays linear on hostile bodies (megabytes of dashes, colons, spaces)', () => {
    for (const unit of ['-', ':', ' ', '-\n', 'a:\n', '\r\n', '\uFFFD\n', '1 ']) {
      const source = mail(unit.repeat(Math.floor(2_000_000 / unit.length)));
      const started = performance.now();
      salvagedBodyText(source);
      expect({ unit, slow: performance.now() - started > 10_000 }).toEqual({ unit, slow: false });
    }
  });
});
