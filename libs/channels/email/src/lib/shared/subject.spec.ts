import { normalizeSubject } from './subject';

describe('normalizeSubject', () => {
  it.each([
    ['Re: Order 1234', 'order 1234'],
    ['RE: re: Fwd: Order 1234', 'order 1234'],
    ['AW: WG: Lieferung', 'lieferung'],
    ['Re[2]: Order   1234', 'order 1234'],
    ['Ответ: Заказ', 'заказ'],
    ['Re: Help [SB-1zhr4ax4jd9qm3tnpwd3s5hvqb]', 'help'],
    ['Reply needed', 'reply needed'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSubject(input)).toBe(expected);
  });
});
