import type { OutboundAttachment, OutboundMessage } from '@switchboard/channels-core';
import { formatTelegramHtml } from './format-telegram-html';
import { splitText } from './split-text';

/** Telegram's longest caption, after entity parsing. */
export const TELEGRAM_MAX_CAPTION = 1024;
/** Largest picture sendPhoto takes; bigger ones go as documents. */
export const TELEGRAM_MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** One Bot API call of a message, in the order they are made. */
export type SendStep =
  | { kind: 'text'; html: string }
  | {
      kind: 'file';
      attachment: OutboundAttachment;
      /** sendPhoto (shown inline) rather than sendDocument. */
      asPhoto: boolean;
      captionHtml: string | null;
    };

/**
 * The calls that deliver a message. One file with a short text goes as a captioned file;
 * otherwise the text parts go first, then each file. Deterministic for a message, so a retried
 * send can resume at the step it had not finished.
 */
export function planSend(message: OutboundMessage): SendStep[] {
  const parts = splitText(message.text).map((part) => formatTelegramHtml(part.text));
  const files = message.attachments.map((attachment) => ({
    kind: 'file' as const,
    attachment,
    asPhoto: sendsAsPhoto(attachment),
    captionHtml: null as string | null,
  }));
  if (files.length === 1 && parts.length <= 1) {
    const caption = parts[0];
    if (!caption || caption.visibleLength <= TELEGRAM_MAX_CAPTION)
      return [{ ...files[0], captionHtml: caption?.html ?? null }];
  }
  return [...parts.map((part) => ({ kind: 'text' as const, html: part.html })), ...files];
}

export function sendsAsPhoto(attachment: OutboundAttachment): boolean {
  return (
    PHOTO_TYPES.has(attachment.contentType.toLowerCase()) &&
    attachment.size <= TELEGRAM_MAX_PHOTO_BYTES
  );
}
