import type { WidgetSocketErrorDto } from '../shared/widget-wire';
import type { ChatTexts } from './i18n';
import { WidgetApiError } from './widget-api';

/** What the visitor reads about a failed request: the server's reason, or plain words for outages. */
export function apiErrorText(error: unknown, texts: ChatTexts): string {
  if (error instanceof WidgetApiError && error.code === 'RATE_LIMITED')
    return texts.rateLimited(error.retryAfterSeconds ?? 60);
  if (error instanceof WidgetApiError)
    return error.status >= 500 ? texts.unavailable : error.message;
  return texts.unavailable;
}

export function socketErrorText(error: WidgetSocketErrorDto, texts: ChatTexts): string {
  return error.code === 'RATE_LIMITED'
    ? texts.rateLimited(error.retryAfterSeconds ?? 10)
    : error.message;
}
