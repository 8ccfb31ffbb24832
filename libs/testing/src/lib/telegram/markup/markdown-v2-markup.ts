import type { TelegramMessageEntity } from '../fake-bot-types';
import { byteOffset, MarkupError, sortEntities, type FormattedText } from './markup-types';

/** Characters that must be escaped with `\` outside code, pre and link URLs. */
const RESERVED = new Set([
  '_',
  '*',
  '[',
  ']',
  '(',
  ')',
  '~',
  '`',
  '>',
  '#',
  '+',
  '-',
  '=',
  '|',
  '{',
  '}',
  '.',
  '!',
]);

/** How Telegram names entity types in "Can't find end of … entity" errors. */
const ERROR_NAMES: Record<string, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  code: 'Code',
  pre: 'Pre',
  text_link: 'TextUrl',
  custom_emoji: 'CustomEmoji',
};

interface OpenEntity {
  type: string;
  offset: number;
  sourceIndex: number;
  language?: string;
}

const isEscapable = (c: string | undefined): boolean =>
  c !== undefined && c.charCodeAt(0) >= 1 && c.charCodeAt(0) <= 126;

/**
 * Telegram's parse_mode MarkdownV2 as one left-to-right scan: `*bold*`, `_italic_`, `__underline__`,
 * `~strike~`, `||spoiler||`, `[text](url)`, `![emoji](tg://emoji?id=…)`, `` `code` ``, ```` ```pre``` ````
 * and `>` quoted lines. `__` is always read greedily as underline, as the documentation says.
 * Expandable blockquotes (`**>`) are not supported.
 */
export function parseMarkdownV2(source: string): FormattedText {
  let text = '';
  const entities: TelegramMessageEntity[] = [];
  const open: OpenEntity[] = [];
  let quote: { offset: number } | null = null;
  let i = 0;
  const reserved = (index: number): MarkupError =>
    new MarkupError(
      `Character '${source[index]}' is reserved and must be escaped with the preceding '\\'`,
    );

  while (i < source.length) {
    const c = source[i];
    const top = open[open.length - 1];
    const inCode = top?.type === 'code' || top?.type === 'pre';
    if (!inCode && (i === 0 || source[i - 1] === '\n')) {
      if (c === '>') {
        quote ??= { offset: text.length };
        i++;
        continue;
      }
      if (quote) closeQuote();
    }
    if (c === '\\' && isEscapable(source[i + 1])) {
      text += source[i + 1];
      i += 2;
    } else if (inCode) {
      i = scanInCode(top, i);
    } else if (!RESERVED.has(c)) {
      text += c;
      i++;
    } else {
      i = closeEntity(top, i) ?? openEntity(i);
    }
  }
  if (quote) closeQuote();
  const unclosed = open[open.length - 1];
  if (unclosed) {
    throw new MarkupError(
      `Can't find end of ${ERROR_NAMES[unclosed.type]} entity at byte offset ${byteOffset(source, unclosed.sourceIndex)}`,
    );
  }
  return { text, entities: sortEntities(entities) };

  function closeQuote(): void {
    if (!quote) return;
    // The quote ends with its last line; the line break after it is not part of it.
    const end = text.endsWith('\n') ? text.length - 1 : text.length;
    addEntity({ type: 'blockquote', offset: quote.offset, sourceIndex: 0 }, end);
    quote = null;
  }

  function addEntity(
    entity: OpenEntity,
    end: number,
    extra: Partial<TelegramMessageEntity> = {},
  ): void {
    const length = end - entity.offset;
    if (length <= 0) return;
    const language = entity.language ? { language: entity.language } : {};
    entities.push({ type: entity.type, offset: entity.offset, length, ...language, ...extra });
  }

  function scanInCode(top: OpenEntity, index: number): number {
    if (source[index] !== '`') {
      text += source[index];
      return index + 1;
    }
    if (top.type === 'code') {
      open.pop();
      addEntity(top, text.length);
      return index + 1;
    }
    if (!source.startsWith('```', index)) throw reserved(index);
    open.pop();
    addEntity(top, text.length);
    return index + 3;
  }

  /** The index after the closing marker, or null when `c` does not close the innermost entity. */
  function closeEntity(top: OpenEntity | undefined, index: number): number | null {
    if (!top) return null;
    const c = source[index];
    const next = source[index + 1];
    let width = 0;
    if (top.type === 'bold' && c === '*') width = 1;
    else if (top.type === 'underline' && c === '_' && next === '_') width = 2;
    else if (top.type === 'italic' && c === '_' && next !== '_') width = 1;
    else if (top.type === 'strikethrough' && c === '~') width = 1;
    else if (top.type === 'spoiler' && c === '|' && next === '|') width = 2;
    else if ((top.type === 'text_link' || top.type === 'custom_emoji') && c === ']') {
      return closeLink(top, index + 1);
    }
    if (width === 0) return null;
    open.pop();
    addEntity(top, text.length);
    return index + width;
  }

  function closeLink(top: OpenEntity, index: number): number {
    open.pop();
    if (source[index] !== '(') {
      if (top.type === 'custom_emoji')
        throw new MarkupError('Custom emoji entity must contain a tg://emoji URL');
      return index; // `[text]` without a URL is plain text
    }
    let url = '';
    let j = index + 1;
    while (j < source.length && source[j] !== ')') {
      if (source[j] === '\\' && isEscapable(source[j + 1])) j++;
      url += source[j];
      j++;
    }
    if (j >= source.length) {
      throw new MarkupError(`Can't find end of a URL at byte offset ${byteOffset(source, index)}`);
    }
    if (top.type === 'custom_emoji') {
      const prefix = 'tg://emoji?id=';
      if (!url.startsWith(prefix))
        throw new MarkupError('Custom emoji entity must contain a tg://emoji URL');
      addEntity(top, text.length, { custom_emoji_id: url.slice(prefix.length) });
    } else if (url !== '') {
      addEntity(top, text.length, { url });
    }
    return j + 1;
  }

  function openEntity(index: number): number {
    const c = source[index];
    const next = source[index + 1];
    const push = (type: string, width: number, language?: string): number => {
      open.push({ type, offset: text.length, sourceIndex: index, language });
      return index + width;
    };
    switch (c) {
      case '*':
        return push('bold', 1);
      case '_':
        return next === '_' ? push('underline', 2) : push('italic', 1);
      case '~':
        return push('strikethrough', 1);
      case '|':
        if (next !== '|') throw reserved(index);
        return push('spoiler', 2);
      case '[':
        return push('text_link', 1);
      case '!':
        if (next !== '[') throw reserved(index);
        return push('custom_emoji', 2);
      case '`':
        return source.startsWith('```', index) ? openPre(index) : push('code', 1);
      default:
        throw reserved(index);
    }
  }

  /** ```` ```lang\n…``` ````: the word right after the fence names the language; one line break after it is dropped. */
  function openPre(index: number): number {
    let j = index + 3;
    const languageStart = j;
    while (j < source.length && !/\s/.test(source[j]) && source[j] !== '`') j++;
    let language: string | undefined;
    if (j > languageStart && j < source.length && source[j] !== '`') {
      language = source.slice(languageStart, j);
    } else {
      j = languageStart;
    }
    if (source[j] === '\n') j++;
    open.push({ type: 'pre', offset: text.length, sourceIndex: index, language });
    return j;
  }
}
