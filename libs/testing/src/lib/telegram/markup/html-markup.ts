import type { TelegramMessageEntity } from '../fake-bot-types';
import { byteOffset, MarkupError, sortEntities, type FormattedText } from './markup-types';

interface OpenTag {
  tag: string;
  /** Entity type, or null for a tag that makes none (`<code>` inside `<pre>` names its language). */
  type: string | null;
  offset: number;
  extra: Partial<TelegramMessageEntity>;
}

const SIMPLE_TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  pre: 'pre',
};
const SUPPORTED_TAGS = new Set([
  ...Object.keys(SIMPLE_TAGS),
  'span',
  'a',
  'code',
  'blockquote',
  'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

const isNameChar = (c: string | undefined): boolean =>
  c !== undefined &&
  ((c >= 'a' && c <= 'z') ||
    (c >= 'A' && c <= 'Z') ||
    (c >= '0' && c <= '9') ||
    c === '-' ||
    c === '_');
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\n' || c === '\t' || c === '\r';

/**
 * Telegram's parse_mode HTML, as a single left-to-right scan. Stricter than Telegram on one point,
 * on purpose: a bare `&` that starts no valid entity is refused (the Bot API documentation says it
 * must be escaped; Telegram's server happens to let it through), so an adapter that forgets to
 * escape customer text fails here instead of in production on the next `&lt;`-like string.
 */
export function parseHtml(source: string): FormattedText {
  let text = '';
  const entities: TelegramMessageEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  const at = (index: number): number => byteOffset(source, index);

  while (i < source.length) {
    const c = source[i];
    if (c === '&') {
      const decoded = decodeEntity(source, i);
      if (!decoded) {
        throw new MarkupError(
          `Character '&' at byte offset ${at(i)} is not a valid HTML entity; escape it as &amp;`,
        );
      }
      text += decoded.text;
      i = decoded.end;
    } else if (c !== '<') {
      text += c;
      i++;
    } else if (source[i + 1] === '/') {
      i = closeTag(i);
    } else {
      i = openTag(i);
    }
  }
  if (open.length > 0) {
    throw new MarkupError(
      `Can't find end tag corresponding to start tag "${open[open.length - 1].tag}"`,
    );
  }
  return { text, entities: sortEntities(entities) };

  function openTag(start: number): number {
    let j = start + 1;
    while (isNameChar(source[j])) j++;
    const tag = source.slice(start + 1, j).toLowerCase();
    if (!SUPPORTED_TAGS.has(tag)) {
      throw new MarkupError(`Unsupported start tag "${tag}" at byte offset ${at(start)}`);
    }
    const attributes = new Map<string, string>();
    for (;;) {
      while (isSpace(source[j])) j++;
      if (j >= source.length)
        throw new MarkupError(`Unclosed start tag at byte offset ${at(start)}`);
      if (source[j] === '>') break;
      const nameStart = j;
      while (isNameChar(source[j])) j++;
      const name = source.slice(nameStart, j).toLowerCase();
      if (name === '') {
        throw new MarkupError(
          `Empty attribute name in the tag "${tag}" at byte offset ${at(start)}`,
        );
      }
      while (isSpace(source[j])) j++;
      if (source[j] !== '=') {
        attributes.set(name, '');
        continue;
      }
      j++;
      while (isSpace(source[j])) j++;
      const value = readAttributeValue(j, start);
      attributes.set(name, value.value);
      j = value.end;
    }
    open.push(describeTag(tag, attributes, start));
    return j + 1;
  }

  function readAttributeValue(j: number, tagStart: number): { value: string; end: number } {
    const quote = source[j];
    let value = '';
    if (quote === '"' || quote === "'") {
      j++;
      while (j < source.length && source[j] !== quote) {
        const decoded = source[j] === '&' ? decodeEntity(source, j) : null;
        value += decoded ? decoded.text : source[j];
        j = decoded ? decoded.end : j + 1;
      }
      if (j >= source.length)
        throw new MarkupError(`Unclosed start tag at byte offset ${at(tagStart)}`);
      return { value, end: j + 1 };
    }
    while (j < source.length && !isSpace(source[j]) && source[j] !== '>') value += source[j++];
    return { value, end: j };
  }

  function describeTag(tag: string, attributes: Map<string, string>, start: number): OpenTag {
    const base = { tag, offset: text.length, extra: {} };
    if (SIMPLE_TAGS[tag]) return { ...base, type: SIMPLE_TAGS[tag] };
    switch (tag) {
      case 'span':
        if (attributes.get('class') !== 'tg-spoiler') {
          throw new MarkupError(
            `Tag "span" must have class "tg-spoiler" at byte offset ${at(start)}`,
          );
        }
        return { ...base, type: 'spoiler' };
      case 'a': {
        const href = attributes.get('href');
        return href
          ? { ...base, type: 'text_link', extra: { url: href } }
          : { ...base, type: null };
      }
      case 'code': {
        const parent = open[open.length - 1];
        const language = attributes.get('class')?.startsWith('language-')
          ? attributes.get('class')?.slice('language-'.length)
          : undefined;
        // `<pre><code class="language-x">` is one pre entity with a language, not a code entity.
        if (parent?.tag === 'pre' && parent.offset === text.length) {
          if (language) parent.extra.language = language;
          return { ...base, type: null };
        }
        return { ...base, type: 'code' };
      }
      case 'blockquote':
        return {
          ...base,
          type: attributes.has('expandable') ? 'expandable_blockquote' : 'blockquote',
        };
      default: {
        // tg-emoji
        const id = attributes.get('emoji-id');
        if (!id)
          throw new MarkupError(
            `Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${at(start)}`,
          );
        return { ...base, type: 'custom_emoji', extra: { custom_emoji_id: id } };
      }
    }
  }

  function closeTag(start: number): number {
    let j = start + 2;
    while (isNameChar(source[j])) j++;
    const tag = source.slice(start + 2, j).toLowerCase();
    while (isSpace(source[j])) j++;
    if (source[j] !== '>') throw new MarkupError(`Unclosed end tag at byte offset ${at(start)}`);
    const top = open.pop();
    if (!top) throw new MarkupError(`Unexpected end tag at byte offset ${at(start)}`);
    if (top.tag !== tag) {
      throw new MarkupError(
        `End tag "${tag}" at byte offset ${at(start)} doesn't match start tag "${top.tag}"`,
      );
    }
    const length = text.length - top.offset;
    if (top.type && length > 0) {
      entities.push({ type: top.type, offset: top.offset, length, ...top.extra });
    }
    return j + 1;
  }
}

/** `&lt;` `&gt;` `&amp;` `&quot;` and numeric `&#NN;` / `&#xHH;`, or null when not one of them. */
function decodeEntity(source: string, start: number): { text: string; end: number } | null {
  const semicolon = source.indexOf(';', start + 1);
  // The longest valid entity is `&#x10FFFF;` (10 characters): look no further than that.
  if (semicolon < 0 || semicolon - start > 10) return null;
  const body = source.slice(start + 1, semicolon);
  const named = NAMED_ENTITIES[body];
  if (named) return { text: named, end: semicolon + 1 };
  if (body[0] !== '#') return null;
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  const valid = hex ? /^[0-9a-fA-F]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits);
  if (!valid) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { text: String.fromCodePoint(code), end: semicolon + 1 };
}
