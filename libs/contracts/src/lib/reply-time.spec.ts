import type { BusinessHours } from './business-hours';
import { replyTimePhrase } from './reply-time';
import { REPLY_TIME_TEXTS } from './reply-time-texts';
import { SUPPORTED_LANGUAGES, supportedLanguage } from './supported-language';

// Berlin, open Monday to Friday 09:00–17:00; Thursday 2026-12-24 is a holiday.
const hours: BusinessHours = {
  timezone: 'Europe/Berlin',
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
  holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
};

describe('replyTimePhrase', () => {
  it('says "in a few minutes" while open or without a schedule', () => {
    expect(replyTimePhrase(hours, new Date('2026-12-02T10:00:00Z'))).toBe('in a few minutes');
    expect(replyTimePhrase(null, new Date('2026-12-02T10:00:00Z'))).toBe('in a few minutes');
  });

  it('names the next opening in the schedule’s timezone, as close as it is', () => {
    // Wednesday 07:00 Berlin: later today.
    expect(replyTimePhrase(hours, new Date('2026-12-02T06:00:00Z'))).toBe('today at 09:00');
    // Wednesday 18:00 Berlin: tomorrow.
    expect(replyTimePhrase(hours, new Date('2026-12-02T17:00:00Z'))).toBe('tomorrow at 09:00');
    // Friday evening: Monday.
    expect(replyTimePhrase(hours, new Date('2026-12-04T17:00:00Z'))).toBe('on Monday at 09:00');
    // Wednesday 23 Dec evening, holidays until the new year: a date.
    expect(replyTimePhrase(hours, new Date('2026-12-23T17:00:00Z'))).toBe('on 1 Jan at 09:00');
  });

  it('has nothing to promise for a schedule that never opens', () => {
    expect(replyTimePhrase({ ...hours, intervals: [] }, new Date())).toBe('as soon as we can');
  });

  it('counts the minutes just before opening, with each language’s plural forms', () => {
    // Monday 7 Dec, the team opens at 09:00 Berlin (08:00Z).
    const at = (minutesBefore: number) =>
      new Date(Date.parse('2026-12-07T08:00:00Z') - minutesBefore * 60_000);
    expect(replyTimePhrase(hours, at(21))).toBe('in 21 minutes');
    expect(replyTimePhrase(hours, at(1))).toBe('in 1 minute');
    expect(replyTimePhrase(hours, at(21), 'ru')).toBe('через 21 минуту');
    expect(replyTimePhrase(hours, at(3), 'ru')).toBe('через 3 минуты');
    expect(replyTimePhrase(hours, at(11), 'ru')).toBe('через 11 минут');
    expect(replyTimePhrase(hours, at(1), 'bg')).toBe('след 1 минута');
    expect(replyTimePhrase(hours, at(5), 'bg')).toBe('след 5 минути');
    expect(replyTimePhrase(hours, at(1), 'ar')).toBe('خلال دقيقة واحدة');
    expect(replyTimePhrase(hours, at(2), 'ar')).toBe('خلال دقيقتين');
    expect(replyTimePhrase(hours, at(5), 'ar')).toBe('خلال 5 دقائق');
    expect(replyTimePhrase(hours, at(15), 'ar')).toBe('خلال 15 دقيقة');
  });

  it('speaks Russian, Bulgarian and Arabic, with each weekday’s own preposition', () => {
    const open = new Date('2026-12-02T10:00:00Z');
    expect(replyTimePhrase(hours, open, 'ru')).toBe('в течение нескольких минут');
    expect(replyTimePhrase(hours, new Date('2026-12-02T06:00:00Z'), 'ru')).toBe('сегодня в 09:00');
    expect(replyTimePhrase(hours, new Date('2026-12-02T17:00:00Z'), 'bg')).toBe('утре в 09:00');
    expect(replyTimePhrase(hours, new Date('2026-12-02T17:00:00Z'), 'ar')).toBe('غدًا الساعة 09:00');
    // Friday evening: Monday.
    const friday = new Date('2026-12-04T17:00:00Z');
    expect(replyTimePhrase(hours, friday, 'ru')).toBe('в понедельник в 09:00');
    expect(replyTimePhrase(hours, friday, 'bg')).toBe('в понеделник в 09:00');
    expect(replyTimePhrase(hours, friday, 'ar')).toBe('يوم الاثنين الساعة 09:00');
    // Open only on Tuesdays: Saturday names Tuesday, which takes «во» / «във».
    const tuesdays: BusinessHours = {
      ...hours,
      intervals: [{ day: 2, from: '09:00', to: '17:00' }],
    };
    const saturday = new Date('2026-12-05T12:00:00Z');
    expect(replyTimePhrase(tuesdays, saturday)).toBe('on Tuesday at 09:00');
    expect(replyTimePhrase(tuesdays, saturday, 'ru')).toBe('во вторник в 09:00');
    expect(replyTimePhrase(tuesdays, saturday, 'bg')).toBe('във вторник в 09:00');
    // Past the holidays: a date with the month in words.
    const beforeHolidays = new Date('2026-12-23T17:00:00Z');
    expect(replyTimePhrase(hours, beforeHolidays, 'ru')).toBe('1 января в 09:00');
    expect(replyTimePhrase(hours, beforeHolidays, 'bg')).toBe('на 1 януари в 09:00');
    expect(replyTimePhrase(hours, beforeHolidays, 'ar')).toBe('في 1 يناير الساعة 09:00');
    expect(replyTimePhrase({ ...hours, intervals: [] }, open, 'ru')).toBe('как только сможем');
  });

  it('has every plural form each language’s rules can pick', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const forms: Record<string, string> = REPLY_TIME_TEXTS[language].minutes;
      expect({ language, missing: categories.filter((c) => !forms[c]) }).toEqual({
        language,
        missing: [],
      });
    }
  });

  it('picks the first language it can write in: the customer’s, else the fallback', () => {
    expect(supportedLanguage('ru-RU', 'bg')).toBe('ru');
    expect(supportedLanguage('BG')).toBe('bg');
    expect(supportedLanguage(null, 'ar-SA')).toBe('ar');
    expect(supportedLanguage('de', 'ru')).toBe('ru');
    expect(supportedLanguage('de', undefined)).toBe('en');
    expect(supportedLanguage()).toBe('en');
    // An Accept-Language header, in its order of preference.
    expect(supportedLanguage('de-DE,de;q=0.9,bg;q=0.8')).toBe('bg');
  });
});
