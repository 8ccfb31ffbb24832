import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { formatListStamp, formatMessageStamp, formatUpcoming, setTimeZone } from './format';
import { ar } from './ar';
import { loadLocale, resolveLocale, setLocale, t, tp } from './i18n';
import { ru } from './ru';

afterEach(() => {
  setLocale('en');
  setTimeZone('UTC');
});

describe('i18n', () => {
  it('fills placeholders and leaves markup as plain text', () => {
    expect(t('composer.placeholder.reply', { channel: '<b>Email</b>' })).toBe(
      'Reply via <b>Email</b>…',
    );
  });

  it('chooses plural forms', () => {
    expect(tp('feed.row.unread', 1)).toBe('1 unread message');
    expect(tp('feed.row.unread', 3)).toBe('3 unread messages');
  });

  it('falls back to English and sets the document direction for RTL locales', () => {
    setLocale('ar-EG');
    expect(document.documentElement.dir).toBe('rtl');
    expect(t('actions.close')).toBe(en['actions.close']);
    setLocale('not a locale!!');
    expect(document.documentElement.dir).toBe('ltr');
  });
});

describe('choosing the language', () => {
  it("takes the operator's choice, else the first browser language the inbox speaks, else English", () => {
    expect(resolveLocale('bg', ['ru-RU'])).toBe('bg');
    expect(resolveLocale(null, ['de-DE', 'ru-UA', 'en'])).toBe('ru-UA');
    expect(resolveLocale(null, ['de-DE', 'fr'])).toBe('en');
    expect(resolveLocale('not a locale!!', ['ar-SA'])).toBe('ar-SA');
  });

  it('loads a catalog on demand and picks each plural form its language has', async () => {
    await loadLocale('ru-RU');
    expect(document.documentElement.lang).toBe('ru-RU');
    expect(t('actions.close')).toBe(ru['actions.close']);
    const unread = (form: keyof typeof ru, n: string) => ru[form].replace('{count}', n);
    expect(tp('feed.row.unread', 1)).toBe(unread('feed.row.unread_one', '1'));
    expect(tp('feed.row.unread', 3)).toBe(unread('feed.row.unread_few', '3'));
    expect(tp('feed.row.unread', 5)).toBe(unread('feed.row.unread_many', '5'));
    expect(tp('feed.row.unread', 21)).toBe(unread('feed.row.unread_one', '21'));

    await loadLocale('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(tp('feed.row.unread', 2)).toBe(ar['feed.row.unread_two'].replace('{count}', '٢'));
  });
});

describe('date formatting', () => {
  it('shows times on the operator clock, in the operator locale', () => {
    setLocale('en-GB');
    setTimeZone('Asia/Tokyo');
    const now = new Date('2026-03-04T12:00:00Z'); // Wed 21:00 JST
    expect(formatUpcoming(new Date('2026-03-05T00:00:00Z'), now)).toBe('Tomorrow 09:00');
    expect(formatListStamp(new Date('2026-03-04T01:30:00Z'), now)).toBe('10:30');
    expect(formatListStamp(new Date('2026-03-03T01:30:00Z'), now)).toBe('Yesterday');
    setLocale('en-US');
    expect(formatUpcoming(new Date('2026-03-05T00:00:00Z'), now)).toBe('Tomorrow 09:00 AM');
  });

  it('names the year of a date from another year (search reaches all history)', () => {
    setLocale('en-GB');
    setTimeZone('Europe/Berlin');
    const now = new Date('2026-11-30T12:00:00Z');
    expect(formatListStamp(new Date('2026-10-02T12:00:00Z'), now)).toBe('2 Oct');
    expect(formatListStamp(new Date('2025-11-29T12:00:00Z'), now)).toBe('29 Nov 2025');
    // New Year's Eve in UTC is already next year in Berlin.
    expect(formatListStamp(new Date('2025-12-31T23:30:00Z'), now)).toBe('1 Jan');
    expect(formatMessageStamp(new Date('2025-11-29T12:00:00Z'), now)).toBe('29 Nov 2025, 13:00');
  });

  it('survives an unknown timezone', () => {
    setLocale('en-GB');
    setTimeZone('Mars/Olympus');
    expect(
      formatListStamp(new Date('2026-03-04T10:00:00Z'), new Date('2026-03-04T11:00:00Z')),
    ).toBe('10:00');
  });
});
