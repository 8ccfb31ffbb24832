import { describe, expect, it } from 'vitest';
import { pickWidgetLocale, textDirection } from '../shared/widget-locale';
import { chatTexts } from './i18n';

describe('chatTexts', () => {
  it('picks the language from the locale and falls back to English', () => {
    expect(chatTexts('de-AT').send).toBe('Senden');
    expect(chatTexts('fr').read).toBe('Lu');
    expect(chatTexts('es-MX').typing('Ana')).toBe('Ana está escribiendo…');
    expect(chatTexts('ru-RU').send).toBe('Отправить');
    expect(chatTexts('bg').send).toBe('Изпрати');
    expect(chatTexts('ar-SA').send).toBe('إرسال');
    expect(chatTexts('ja-JP').send).toBe('Send');
  });

  it('translates the labels a visitor reads, not just the defaults', () => {
    const en = chatTexts('en');
    for (const locale of ['de', 'fr', 'es', 'ru', 'bg', 'ar']) {
      const texts = chatTexts(locale);
      for (const [key, text] of Object.entries(texts)) {
        if (key === 'emailPlaceholder' || typeof text !== 'string') continue;
        expect({ locale, key, text }).not.toEqual({
          locale,
          key,
          text: en[key as keyof typeof en],
        });
      }
    }
  });

  it('chooses Russian plural forms by the count (1, 2–4, 5–20, 21)', () => {
    const ru = chatTexts('ru');
    expect(ru.tooLong(1)).toBe('Сообщение может содержать не более 1 символа.');
    expect(ru.tooLong(5)).toBe('Сообщение может содержать не более 5 символов.');
    expect(ru.tooLong(21)).toBe('Сообщение может содержать не более 21 символа.');
    expect(ru.tooLong(4000)).toBe('Сообщение может содержать не более 4000 символов.');
    expect(ru.rateLimited(1)).toContain('через 1 секунду');
    expect(ru.rateLimited(3)).toContain('через 3 секунды');
    expect(ru.rateLimited(11)).toContain('через 11 секунд');
  });

  it('chooses Bulgarian and Arabic plural forms by the count', () => {
    expect(chatTexts('bg').tooLong(1)).toBe('Съобщението може да е най-много 1 знак.');
    expect(chatTexts('bg').tooLong(500)).toBe('Съобщението може да е най-много 500 знака.');
    const ar = chatTexts('ar');
    expect(ar.tooLong(1)).toBe('لا يمكن أن تتجاوز الرسالة حرفًا واحدًا.');
    expect(ar.tooLong(2)).toBe('لا يمكن أن تتجاوز الرسالة حرفين.');
    expect(ar.tooLong(5)).toBe('لا يمكن أن تتجاوز الرسالة 5 أحرف.');
    expect(ar.tooLong(50)).toBe('لا يمكن أن تتجاوز الرسالة 50 حرفًا.');
    expect(ar.tooLong(4000)).toBe('لا يمكن أن تتجاوز الرسالة 4000 حرف.');
    expect(ar.rateLimited(2)).toContain('بعد ثانيتين');
  });
});

describe('pickWidgetLocale', () => {
  it('follows the first browser language the widget speaks, keeping its region', () => {
    expect(pickWidgetLocale(undefined, ['ja-JP', 'bg-BG', 'en-US'])).toBe('bg-BG');
    expect(pickWidgetLocale('', ['ar-SA', 'en'])).toBe('ar-SA');
    expect(pickWidgetLocale(null, ['RU'])).toBe('RU');
  });

  it('lets the site’s data-locale override the browser', () => {
    expect(pickWidgetLocale('ru', ['ar-SA', 'en'])).toBe('ru');
    expect(pickWidgetLocale('bg-BG', ['de-DE'])).toBe('bg-BG');
  });

  it('ignores a site locale it does not speak and falls back to English at the end', () => {
    expect(pickWidgetLocale('ja', ['fr-CA'])).toBe('fr-CA');
    expect(pickWidgetLocale('xx', ['ja', 'zh-CN'])).toBe('en');
    expect(pickWidgetLocale(undefined, [])).toBe('en');
  });

  it('lays Arabic out right to left and the others left to right', () => {
    expect(textDirection('ar-SA')).toBe('rtl');
    expect(textDirection('bg')).toBe('ltr');
    expect(chatTexts(pickWidgetLocale(undefined, ['ar-EG'])).title).toBe('راسلنا');
  });
});
