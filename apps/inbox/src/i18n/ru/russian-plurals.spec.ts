import { afterEach, describe, expect, it } from 'vitest';
import { loadLocale, setLocale, tp } from '../i18n';

afterEach(() => setLocale('en'));

/** The words themselves, as a Russian reader expects them after each kind of number. */
describe('Russian plural forms', () => {
  it('agrees nouns with 1, 2, 5, 11, 21 and fractions', async () => {
    await loadLocale('ru');
    const counts = [1, 2, 5, 11, 21, 22, 25, 1.5];
    expect(counts.map((n) => tp('tags.admin.count', n))).toEqual([
      '1 диалог',
      '2 диалога',
      '5 диалогов',
      '11 диалогов',
      '21 диалог',
      '22 диалога',
      '25 диалогов',
      '1,5 диалога',
    ]);
    expect(counts.map((n) => tp('merge.moved', n))).toEqual([
      '1 сообщение',
      '2 сообщения',
      '5 сообщений',
      '11 сообщений',
      '21 сообщение',
      '22 сообщения',
      '25 сообщений',
      '1,5 сообщения',
    ]);
    expect(tp('feed.row.unread', 21)).toBe('21 непрочитанное сообщение');
    expect(tp('tasks.badge', 3)).toBe('3 открытые задачи');
    expect(tp('contact_merge.dialog.identities', 5)).toBe('5 учётных записей в каналах');
  });
});
