import { API_ERROR_CODES } from '@switchboard/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnyCatalog } from '../../i18n/catalog';
import { ar } from '../../i18n/ar';
import { bg } from '../../i18n/bg';
import { en } from '../../i18n/en';
import { loadLocale, setLocale } from '../../i18n/i18n';
import { ru } from '../../i18n/ru';
import { errorText } from './error-text';
import { ApiError, apiRequest } from './http-client';

afterEach(() => {
  setLocale('en');
  vi.unstubAllGlobals();
});

const zodIssues = [
  { path: ['title'], message: 'Required' },
  { path: ['items', 0, 'name'], message: 'Too long' },
];

describe('errorText', () => {
  it.each([
    ['en', en as AnyCatalog],
    ['ru', ru as AnyCatalog],
    ['bg', bg as AnyCatalog],
    ['ar', ar as AnyCatalog],
  ])('has a %s text for every API error code', (_language, catalog) => {
    const missing = API_ERROR_CODES.filter((code) => !catalog[`error.${code}`]?.trim());
    expect(missing).toEqual([]);
  });

  it('shows the code’s text in the operator’s language; in English, the server’s own sentence', async () => {
    const err = new ApiError(404, 'NOT_FOUND', 'Canned reply not found');
    expect(errorText(err)).toBe('Canned reply not found');
    await loadLocale('ru');
    expect(errorText(err)).toBe('Этот объект больше не существует.');
    await loadLocale('bg');
    expect(errorText(err)).toBe(bg['error.NOT_FOUND']);
    await loadLocale('ar');
    expect(errorText(err)).toBe(ar['error.NOT_FOUND']);
  });

  it('lists the invalid fields of a validation error inside a translated frame', async () => {
    const fromZod = new ApiError(400, 'VALIDATION_FAILED', 'title: Required', zodIssues);
    expect(errorText(fromZod)).toBe('title: Required');
    await loadLocale('ru');
    expect(errorText(fromZod)).toBe('Некоторые поля заполнены неверно: title, items.0.name');
    // An AppException names its field as a prefix of the message.
    const named = new ApiError(400, 'VALIDATION_FAILED', 'teamId: no such team in this account');
    expect(errorText(named)).toBe('Некоторые поля заполнены неверно: teamId');
    const unnamed = new ApiError(400, 'VALIDATION_FAILED', 'Request body is not valid JSON');
    expect(errorText(unnamed)).toBe(ru['error.VALIDATION_FAILED_plain']);
  });

  it('says when to retry a rate-limited request, from Retry-After or the body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ statusCode: 429, code: 'RATE_LIMITED', message: 'Slow down' }),
            {
              status: 429,
              headers: { 'Content-Type': 'application/json', 'Retry-After': '42' },
            },
          ),
      ),
    );
    const thrown = await apiRequest('POST', '/api/anything').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(errorText(thrown)).toBe('Slow down');
    await loadLocale('ru');
    expect(errorText(thrown)).toBe('Слишком много попыток. Повторите через 42 с.');
    const inBody = new ApiError(429, 'RATE_LIMITED', 'Slow down', { retryAfterSeconds: 7 });
    expect(errorText(inBody)).toBe('Слишком много попыток. Повторите через 7 с.');
    expect(errorText(new ApiError(429, 'RATE_LIMITED', 'Slow down'))).toBe(
      ru['error.RATE_LIMITED_plain'],
    );
  });

  it('frames a provider’s own reason, and falls back to the server message for unknown codes', async () => {
    await loadLocale('ru');
    const refused = new ApiError(422, 'CHANNEL_CONNECT_FAILED', 'Unauthorized: bot token revoked');
    expect(errorText(refused)).toBe(
      'Провайдер отклонил эти настройки: Unauthorized: bot token revoked',
    );
    const future = new ApiError(418, 'BRAND_NEW_CODE', 'A reason this build has no text for');
    expect(errorText(future)).toBe('A reason this build has no text for');
  });

  it('names network failures in the current language, and passes other errors through', async () => {
    const offline = new ApiError(0, 'NETWORK', 'No connection to the server');
    await loadLocale('ru');
    expect(errorText(offline)).toBe(ru['errors.network']);
    expect(errorText(new Error('local check failed'))).toBe('local check failed');
    expect(errorText('plain')).toBe('plain');
  });
});
