import { API_ERROR_CODES, type ApiErrorCode } from '@switchboard/contracts';
import { currentLocale, t } from '../../i18n/i18n';
import { ApiError } from './http-client';

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

function isKnownCode(code: string): code is ApiErrorCode {
  return KNOWN_CODES.has(code);
}

const FIELD_PREFIX = /^([A-Za-z_][\w.[\]]*): /;

/**
 * The fields a validation error names: the paths in zod's `details`, else the `field:` prefixes
 * of the server's message ("teamId: no such team; title: required"). Paths are the API's own
 * names, the same in every language.
 */
export function invalidFields(err: ApiError): string[] {
  const fields: string[] = [];
  if (Array.isArray(err.details)) {
    for (const issue of err.details as unknown[]) {
      const path = (issue as { path?: unknown } | null)?.path;
      if (Array.isArray(path) && path.length > 0) fields.push(path.map(String).join('.'));
    }
  }
  if (fields.length === 0) {
    for (const part of err.message.split('; ')) {
      const field = FIELD_PREFIX.exec(part)?.[1];
      if (field) fields.push(field);
    }
  }
  return [...new Set(fields)];
}

function isEnglish(): boolean {
  return currentLocale().split('-')[0]?.toLowerCase() === 'en';
}

function retryAfter(err: ApiError): number | undefined {
  if (err.retryAfterSeconds !== undefined) return err.retryAfterSeconds;
  const fromBody = (err.details as { retryAfterSeconds?: unknown } | null | undefined)
    ?.retryAfterSeconds;
  return typeof fromBody === 'number' && fromBody > 0 ? Math.ceil(fromBody) : undefined;
}

function apiErrorText(err: ApiError, code: ApiErrorCode): string {
  switch (code) {
    case 'VALIDATION_FAILED': {
      const fields = invalidFields(err);
      return fields.length > 0
        ? t('error.VALIDATION_FAILED', { details: fields.join(', ') })
        : t('error.VALIDATION_FAILED_plain');
    }
    case 'RATE_LIMITED': {
      const seconds = retryAfter(err);
      return seconds === undefined
        ? t('error.RATE_LIMITED_plain')
        : t('error.RATE_LIMITED', { seconds });
    }
    case 'CONFLICT': {
      // "Ana Lima already has this email": the other record is named, in the operator's language.
      const name = (err.details as { name?: unknown } | null | undefined)?.name;
      return typeof name === 'string' && name
        ? t('error.CONFLICT_named', { name })
        : t('error.CONFLICT');
    }
    // The provider's or the rule checker's own words are the point of these: framed, not replaced.
    case 'CHANNEL_ERROR':
    case 'CHANNEL_CONNECT_FAILED':
    case 'INVALID_RULE':
      return t(`error.${code}`, { reason: err.message });
    default:
      return t(`error.${code}`);
  }
}

/**
 * What to show an operator for a failed request, in their language: the text for the API's error
 * code, our own wording for network and proxy failures, and the server's message only for a code
 * this build does not know yet. Errors that are not API errors show their own message.
 */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return t('errors.network');
    // The server's sentence is English, written for people and naming the specifics ("must be at
    // least 16 characters"): an English-speaking operator reads it as it is.
    if (isKnownCode(err.code) && !isEnglish()) return apiErrorText(err, err.code);
    return err.message;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}
