import type { TelegramMessageEntity } from '../fake-bot-types';

/** Visible text plus its entities (offsets and lengths in UTF-16 code units, as Telegram counts). */
export interface FormattedText {
  text: string;
  entities: TelegramMessageEntity[];
}

/** Markup Telegram refuses; the message becomes "Bad Request: can't parse entities: <message>". */
export class MarkupError extends Error {}

/** Telegram reports positions in the source as UTF-8 byte offsets. */
export function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

/** Entities ordered as Telegram returns them: by offset, then the longer (outer) one first. */
export function sortEntities(entities: TelegramMessageEntity[]): TelegramMessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
