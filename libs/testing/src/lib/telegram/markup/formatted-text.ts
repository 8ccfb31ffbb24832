import { badRequest } from '../bot-api-error';
import type { TelegramMessageEntity } from '../fake-bot-types';
import { parseHtml } from './html-markup';
import { parseMarkdownLegacy } from './markdown-legacy-markup';
import { parseMarkdownV2 } from './markdown-v2-markup';
import { MarkupError, type FormattedText } from './markup-types';

/**
 * What the customer will see for a text or caption: parsed by `parse_mode` (case-insensitive, as
 * Telegram reads it), or taken with the explicit `entities` list, or plain.
 */
export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicitEntities: unknown,
): FormattedText {
  const mode = (parseMode ?? '').toLowerCase();
  if (mode === '') return { text: raw, entities: validEntities(explicitEntities, raw.length) };
  try {
    switch (mode) {
      case 'html':
        return parseHtml(raw);
      case 'markdownv2':
        return parseMarkdownV2(raw);
      case 'markdown':
        return parseMarkdownLegacy(raw);
      default:
        throw badRequest('unsupported parse_mode');
    }
  } catch (error) {
    if (error instanceof MarkupError) throw badRequest(`can't parse entities: ${error.message}`);
    throw error;
  }
}

function validEntities(value: unknown, textLength: number): TelegramMessageEntity[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest("can't parse entities JSON object");
  return value.map((entity: unknown, index) => {
    const e = entity as Partial<TelegramMessageEntity> | null;
    const valid =
      typeof e === 'object' &&
      e !== null &&
      typeof e.type === 'string' &&
      Number.isInteger(e.offset) &&
      Number.isInteger(e.length) &&
      (e.offset ?? -1) >= 0 &&
      (e.length ?? 0) > 0 &&
      (e.offset ?? 0) + (e.length ?? 0) <= textLength;
    if (!valid) throw badRequest(`can't parse entities: entity ${index} is invalid`);
    return e as TelegramMessageEntity;
  });
}
