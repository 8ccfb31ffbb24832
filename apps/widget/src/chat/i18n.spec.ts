import { describe, expect, it } from 'vitest';
import { chatTexts } from './i18n';

describe('chatTexts', () => {
  it('picks the language from the locale and falls back to English', () => {
    expect(chatTexts('de-AT').send).toBe('Senden');
    expect(chatTexts('fr').read).toBe('Lu');
    expect(chatTexts('es-MX').typing('Ana')).toBe('Ana está escribiendo…');
    expect(chatTexts('ja-JP').send).toBe('Send');
  });

  it('translates the labels a visitor reads, not just the defaults', () => {
    const en = chatTexts('en');
    for (const locale of ['de', 'fr', 'es']) {
      const texts = chatTexts(locale);
      for (const key of [
        'title',
        'placeholder',
        'send',
        'read',
        'emailPrompt',
        'unavailable',
        'csatSend',
        'csatComment',
      ] as const) {
        expect(texts[key]).not.toBe(en[key]);
      }
    }
  });
});
