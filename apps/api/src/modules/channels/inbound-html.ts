import type { ParsedInboundEvent } from '@switchboard/channels-core';
import { sanitizeEmailHtml } from '../messages/html-sanitizer';

export interface IngestOptions {
  /**
   * The caller already ran the messages' HTML through `sanitizeEmailHtml` off the API's thread
   * (the email parse workers): a megabyte of HTML then never holds the event loop, nor a
   * transaction's locks, while sanitize-html works through it.
   */
  htmlSanitized?: boolean;
}

/**
 * The event with its message's HTML (an edit's too) sanitized, before any transaction begins,
 * unless the caller did that already.
 */
export function withSafeHtml(event: ParsedInboundEvent, opts: IngestOptions): ParsedInboundEvent {
  if (opts.htmlSanitized) return event;
  if (event.type === 'message' && event.html)
    return { ...event, html: sanitizeEmailHtml(event.html) };
  if (event.type === 'edit' && event.message.html)
    return { ...event, message: { ...event.message, html: sanitizeEmailHtml(event.message.html) } };
  return event;
}
