import { parseHashtags } from './hashtags';
import { checkTagName, tagKey } from './tags';

describe('parseHashtags', () => {
  it('takes #tags in any script out of the search text', () => {
    expect(parseHashtags('#payment')).toEqual({ tags: ['payment'], text: '' });
    expect(parseHashtags('refund #оплата  late #دفع #поръчка')).toEqual({
      tags: ['оплата', 'دفع', 'поръчка'],
      text: 'refund late',
    });
  });

  it('keeps conversation numbers, a lone # and a # inside a word as text', () => {
    expect(parseHashtags('#1042')).toEqual({ tags: [], text: '#1042' });
    expect(parseHashtags('# c#sharp')).toEqual({ tags: [], text: '# c#sharp' });
    expect(parseHashtags('##vip')).toEqual({ tags: ['vip'], text: '' });
  });

  it('names each tag once, compared case-insensitively and after NFC', () => {
    expect(parseHashtags('#Оплата #оплата #пе\u0438\u0306 #пей').tags).toEqual(['Оплата', 'пей']);
  });

  it('stays linear on adversarial input', () => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    parseHashtags('#'.repeat(200_000) + ' '.repeat(200_000) + '#a '.repeat(50_000));
    const cpu = process.cpuUsage(started);
    // 63 ms alone; a CI worker's process time once reached 1.2 s. Backtracking here takes minutes.
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(5_000);
  });
});

describe('tag names', () => {
  it('compares by NFC lower case in every script', () => {
    expect(tagKey('ОПЛАТА')).toBe(tagKey('оплата'));
    expect(tagKey('Пе\u0438\u0306')).toBe(tagKey('пей'));
    expect(tagKey('دفع')).toBe('دفع');
  });

  it('trims, drops a leading #, and refuses empty or over 64 characters with a reason', () => {
    expect(checkTagName('  #Billing ')).toEqual({ ok: true, name: 'Billing' });
    expect(checkTagName(' \t ')).toEqual({ ok: false, reason: 'Tag name must not be empty' });
    expect(checkTagName('#')).toMatchObject({ ok: false });
    expect(checkTagName('😀'.repeat(64))).toMatchObject({ ok: true });
    expect(checkTagName('x'.repeat(65))).toEqual({
      ok: false,
      reason: 'Tag name is longer than 64 characters',
    });
  });
});
