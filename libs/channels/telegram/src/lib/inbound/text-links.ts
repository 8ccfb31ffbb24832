import type { TelegramEntity } from './telegram-update.schema';

/**
 * Plain text of a message with every `text_link` written out as "label (url)": the inbox keeps
 * plain text, and a link the customer pasted behind a word must not be lost. Entity offsets and
 * lengths count UTF-16 code units, exactly as JavaScript indexes strings.
 */
export function textWithLinks(
  text: string,
  entities: readonly TelegramEntity[] | undefined,
): string {
  if (!entities?.length) return text;
  const links = entities
    .filter(
      (e) =>
        e.type === 'text_link' &&
        typeof e.url === 'string' &&
        e.url.length > 0 &&
        e.length > 0 &&
        e.offset + e.length <= text.length,
    )
    .sort((a, b) => a.offset - b.offset);
  let out = '';
  let position = 0;
  for (const link of links) {
    // Links cannot overlap in valid Telegram data; skip one that claims to rather than garble text.
    if (link.offset < position) continue;
    const end = link.offset + link.length;
    const label = text.slice(link.offset, end);
    out += text.slice(position, end);
    if (label.trim() !== link.url) out += ` (${link.url})`;
    position = end;
  }
  return out + text.slice(position);
}
