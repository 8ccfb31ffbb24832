import type { ApiErrorDto } from '@switchboard/contracts';
import { t } from '../../i18n/i18n';

/** A failed API call with the server's machine-readable code, so the UI can say what went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details` (e.g. who replied, for REPLY_COLLISION). */
    readonly details?: unknown,
    /** Whole seconds the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface HttpConfig {
  /** The session's CSRF token; the session itself is the browser's HttpOnly cookie. */
  getCsrfToken: () => string | null;
  onUnauthorized: () => void;
}

let config: HttpConfig = { getCsrfToken: () => null, onUnauthorized: () => undefined };

/** The auth module wires the session in here; keeps the client free of a store import cycle. */
export function configureHttp(next: HttpConfig): void {
  config = next;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Headers that authorise a request made with the session cookie: changes carry the CSRF token.
 * Shared with the few calls that cannot go through apiRequest (multipart uploads).
 */
export function sessionHeaders(method: string): Record<string, string> {
  const csrf = config.getCsrfToken();
  return csrf && !SAFE_METHODS.has(method.toUpperCase()) ? { 'X-CSRF-Token': csrf } : {};
}

/** The server refused the session: sign out locally (once per session). */
export function sessionRejected(): void {
  if (config.getCsrfToken()) config.onUnauthorized();
}

/** An array is sent as the key repeated (`tag=a&tag=b`). */
type QueryValue = string | number | null | undefined | readonly string[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Retry-After in seconds (its HTTP-date form is turned into seconds from now), if present. */
export function retryAfterOf(headers: Headers): number | undefined {
  const value = headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim())
    ? Number(value)
    : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
}

function isApiErrorBody(
  value: unknown,
): value is Pick<ApiErrorDto, 'code' | 'message' | 'details'> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * One JSON request to our own API. Responses follow the shared contract types; the SPA does not
 * re-validate them with zod so the schema library stays out of the bundle.
 */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...sessionHeaders(method) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', t('errors.network'));
  }

  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401) sessionRejected();
    if (isApiErrorBody(parsed))
      throw new ApiError(
        response.status,
        parsed.code,
        parsed.message,
        parsed.details,
        retryAfterOf(response.headers),
      );
    // No error body (a proxy answered): say so in the operator's language, not the status text.
    throw new ApiError(
      response.status,
      'HTTP_' + response.status,
      t('errors.request_failed', { status: response.status }),
    );
  }
  return parsed as T;
}
