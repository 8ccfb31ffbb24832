import type { TelegramMessageEntity } from '../fake-bot-types';
import { byteOffset, MarkupError, type FormattedText } from './markup-types';

const MARKERS: Record<string, string> = { '*': 'bold', _: 'italic', '`': 'code', '[': 'text_link' };

/**
 * Telegram's legacy parse_mode Markdown: `*bold*`, `_italic_`, `` `code` ``, ```` ```pre``` ````,
 * `[text](url)`, no nesting; `\` escapes a marker outside entities. An entity that never ends is
 * refused with Telegram's message.
 */
export function parseMarkdownLegacy(source: string): FormattedText {
  let text = '';
  const entities: TelegramMessageEntity[] = [];
  let i = 0;
  const unclosed = (start: number): MarkupError =>
    new MarkupError(
      `Can't find end of the entity starting at byte offset ${byteOffset(source, start)}`,
    );
  const add = (type: string, offset: number, extra: Partial<TelegramMessageEntity> = {}): void => {
    if (text.length > offset)
      entities.push({ type, offset, length: text.length - offset, ...extra });
  };

  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && MARKERS[source[i + 1]] !== undefined) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    const type = MARKERS[c];
    if (type === undefined) {
      text += c;
      i++;
      continue;
    }
    const start = i;
    const offset = text.length;
    if (source.startsWith('```', i)) {
      const end = source.indexOf('```', i + 3);
      if (end < 0) throw unclosed(start);
      text += source.slice(i + 3, end);
      add('pre', offset);
      i = end + 3;
    } else if (type === 'text_link') {
      const close = source.indexOf(']', i + 1);
      if (close < 0) throw unclosed(start);
      text += source.slice(i + 1, close);
      if (source[close + 1] === '(') {
        const urlEnd = source.indexOf(')', close + 2);
        if (urlEnd < 0) throw unclosed(start);
        add('text_link', offset, { url: source.slice(close + 2, urlEnd) });
        i = urlEnd + 1;
      } else {
        i = close + 1;
      }
    } else {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw unclosed(start);
      text += source.slice(i + 1, end);
      add(type, offset);
      i = end + 1;
    }
  }
  return { text, entities };
}
