import {
  ChannelError,
  type FetchAttachmentResult,
  readCappedBody,
} from '@switchboard/channels-core';
import { AUTH_FAILED_MESSAGE, DEFAULT_RETRY_AFTER_MS, quote, retryAfterMs } from '../twilio-errors';
import { isTrustedTwilioUrl, parseUrl, rewriteTwilioUrl } from '../twilio-origin';

/** WhatsApp's largest media (documents: 100 MB, but Twilio passes on up to 16 MB). */
export const TWILIO_MAX_MEDIA_BYTES = 16 * 1024 * 1024;

export const MEDIA_TOO_LARGE_MESSAGE = 'The file is larger than 16 MB, more than Twilio passes on';
export const MEDIA_GONE_MESSAGE = 'The media is no longer available at Twilio';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface MediaFetchOptions {
  /** Override of Twilio's origin (tests: the fake); null for the real Twilio. */
  apiOrigin: string | null;
  accountSid: string;
  authToken: string;
  timeoutMs: number;
  maxBytes?: number;
}

/**
 * The bytes of a customer's file: a GET on its Twilio media URL with the account's credentials
 * (needed when the account enforces auth on media), then Twilio's redirect to its storage,
 * followed by hand so the credentials never leave Twilio. Refuses anything but Twilio URLs and
 * anything over 16 MB while it streams. Never throws.
 */
export async function fetchTwilioMedia(
  ref: string,
  options: MediaFetchOptions,
): Promise<FetchAttachmentResult> {
  let url = parseUrl(rewriteTwilioUrl(ref, options.apiOrigin));
  if (!url || !isTrustedTwilioUrl(url, options.apiOrigin))
    return failure('CONFIG_INVALID', 'Refusing to fetch media from outside Twilio');
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const atTwilio = isTrustedTwilioUrl(url, options.apiOrigin);
      const res = await fetch(url, {
        signal: controller.signal,
        redirect: 'manual',
        headers: atTwilio ? { authorization } : {},
      });
      if (REDIRECTS.has(res.status)) {
        void res.body?.cancel();
        const next = parseUrl(new URL(res.headers.get('location') ?? '', url).href);
        if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
          return failure('UNAVAILABLE', 'Twilio redirected the media download nowhere usable');
        url = next;
        continue;
      }
      if (res.status === 200) return await readCapped(res, controller, options.maxBytes);
      void res.body?.cancel();
      return statusFailure(res, atTwilio);
    }
    return failure('UNAVAILABLE', 'Too many redirects fetching the media from Twilio');
  } catch (error) {
    const text = error instanceof Error ? `${error.message} ${causeOf(error)}` : String(error);
    return failure(
      'UNAVAILABLE',
      `Could not download the media from Twilio: ${quote(text, options.authToken)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  res: Response,
  controller: AbortController,
  maxBytes = TWILIO_MAX_MEDIA_BYTES,
): Promise<FetchAttachmentResult> {
  const content = await readCappedBody(res, maxBytes, controller);
  if (content === 'too-large') return failure('TOO_LARGE', MEDIA_TOO_LARGE_MESSAGE);
  const contentType = res.headers.get('content-type')?.slice(0, 255);
  return { ok: true, content, ...(contentType ? { contentType } : {}) };
}

function statusFailure(res: Response, atTwilio: boolean): FetchAttachmentResult {
  const status = res.status;
  if (atTwilio && (status === 401 || status === 403))
    return failure('AUTH_FAILED', AUTH_FAILED_MESSAGE);
  // Deleted at Twilio, or its storage link no longer works: retrying will not bring it back.
  if (status === 403 || status === 404 || status === 410)
    return failure('CONTENT_REJECTED', MEDIA_GONE_MESSAGE);
  if (status === 429)
    return {
      ok: false,
      error: new ChannelError(
        'RATE_LIMITED',
        'Twilio is rate limiting media downloads',
        retryAfterMs(res.headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_MS,
      ),
    };
  if (status >= 500 || status === 408)
    return failure('UNAVAILABLE', `Twilio answered ${status} to the media download`);
  return failure('CONTENT_REJECTED', `Twilio answered ${status} to the media download`);
}

function failure(code: ChannelError['code'], message: string): FetchAttachmentResult {
  return { ok: false, error: new ChannelError(code, message) };
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  return cause ? String(cause.code ?? cause.message ?? '') : '';
}
