import { foldQuotedText } from './quote-folding';

describe('foldQuotedText', () => {
  it('keeps text without quotes untouched', () => {
    expect(foldQuotedText('Just a question.\nSecond line.')).toEqual({
      body: 'Just a question.\nSecond line.',
      quoted: null,
      signature: null,
    });
  });

  it('folds a trailing > block', () => {
    const folded = foldQuotedText('Yes please.\n\n> Shall we send it?\n> Alice\n');
    expect(folded.body).toBe('Yes please.');
    expect(folded.quoted).toBe('> Shall we send it?\n> Alice');
  });

  it('keeps interleaved quotes inline: the answers between them are new text', () => {
    const text = '> Question one?\nAnswer one.\n> Question two?\nAnswer two.';
    expect(foldQuotedText(text).body).toBe(text);
  });

  it.each([
    ['Am 06.11.2026 um 09:00 schrieb Acme Support <s@example.test>:', 'Danke!'],
    ['Le ven. 6 nov. 2026 à 09:00, Acme <s@example.test> a écrit :', 'Merci !'],
    ['El vie, 6 nov 2026 a las 9:00, Acme (<s@example.test>) escribió:', '¡Gracias!'],
    ['6 нояб. 2026 г., в 9:00, Acme <s@example.test> написал(а):', 'Спасибо!'],
    ['في الجمعة، 6 نوفمبر 2026، كتب Acme <s@example.test>:', 'شكرا'],
    ['2026-11-06 9:00 GMT+01:00 Acme Support <s@example.test>:', 'Ok'],
    ['-----Original Message-----', 'Thanks'],
  ])('folds after the reply header "%s"', (header, reply) => {
    const folded = foldQuotedText(`${reply}\n\n${header}\n> earlier text`);
    expect(folded.body).toBe(reply);
    expect(folded.quoted).toContain('earlier text');
  });

  it('folds after a reply header wrapped onto two lines', () => {
    const folded = foldQuotedText(
      'Sure.\n\nOn Fri, Nov 6, 2026 at 9:00 AM Acme Support\n<s@example.test> wrote:\n> earlier',
    );
    expect(folded.body).toBe('Sure.');
    expect(folded.quoted).toContain('earlier');
  });

  it('takes no line longer than any reply header for one (they are text, and tried in constant time)', () => {
    expect(foldQuotedText('Hi\nFrom: Bob\nSent: Monday\nOld text').body).toBe('Hi');
    const long = `Hi\nFrom: ${'Bob '.repeat(300)}\nSent: Monday\nOld text`;
    expect(foldQuotedText(long).body).toBe(long);
  });

  it('splits the signature at "-- "', () => {
    const folded = foldQuotedText('See you.\n-- \nJane\nACME Corp');
    expect(folded).toEqual({ body: 'See you.', quoted: null, signature: 'Jane\nACME Corp' });
  });

  it('never folds everything away: a mail that is only a quote keeps its text', () => {
    const text = 'On Mon, Nov 2, 2026 at 9:00 AM Bob wrote:\n> forwarded words';
    expect(foldQuotedText(text).body).toBe(text);
  });

  it('does not mistake a sentence mentioning "wrote" for a reply header', () => {
    const text = 'On Monday my colleague\nwrote: the order is late. Can you check?';
    expect(foldQuotedText(text).body).toBe(text);
  });
});
