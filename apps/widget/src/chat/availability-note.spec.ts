import { describe, expect, it } from 'vitest';
import { availabilityText } from './availability-note';
import { chatTexts } from './i18n';

// Local times: the test runs in whatever timezone the machine has, as the visitor's browser would.
const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
const away = (next: Date) => ({ openNow: false, nextOpening: next.toISOString() });

describe('availabilityText', () => {
  const en = chatTexts('en');
  const now = at(2026, 12, 4, 18, 30); // a Friday evening

  it('promises nothing without a schedule, and a quick reply while open', () => {
    expect(availabilityText(null, en, 'en-GB', now)).toBe('');
    expect(availabilityText({ openNow: true, nextOpening: null }, en, 'en-GB', now)).toBe(
      'We typically reply in a few minutes.',
    );
  });

  it('says when the team is back: today, tomorrow, a weekday, or a date', () => {
    const text = (next: Date) => availabilityText(away(next), en, 'en-GB', now);
    expect(text(at(2026, 12, 4, 20))).toBe('We’re away — we’ll reply today at 20:00.');
    expect(text(at(2026, 12, 5, 9))).toBe('We’re away — we’ll reply tomorrow at 09:00.');
    expect(text(at(2026, 12, 7, 9))).toBe('We’re away — we’ll reply on Monday at 09:00.');
    expect(text(at(2026, 12, 28, 9))).toBe('We’re away — we’ll reply on 28 December at 09:00.');
    // An opening already past (the panel stayed open) is simply "open".
    expect(text(at(2026, 12, 4, 18))).toBe('We typically reply in a few minutes.');
  });

  it('speaks the visitor’s language, cases included', () => {
    const monday = away(at(2026, 12, 7, 9));
    expect(availabilityText(monday, chatTexts('de'), 'de-DE', now)).toBe(
      'Wir sind gerade nicht da – wir antworten am Montag um 09:00.',
    );
    const wednesday = away(at(2026, 12, 9, 9));
    expect(availabilityText(wednesday, chatTexts('ru'), 'ru-RU', now)).toBe(
      'Сейчас нас нет — ответим в среду в 09:00.',
    );
    const tuesday = away(at(2026, 12, 8, 9));
    expect(availabilityText(tuesday, chatTexts('bg'), 'bg-BG', now)).toBe(
      'В момента ни няма — ще отговорим във вторник в 09:00.',
    );
  });
});
