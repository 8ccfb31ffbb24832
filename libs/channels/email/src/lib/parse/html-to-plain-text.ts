import { indexOfEndTag, readTag } from './html-tokens';

/** End tags (and `<br>`) that end a line of text. */
const LINE_BREAK_END_TAGS = new Set([
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
]);
/** Elements whose content is never text a reader sees (sanitized HTML has none of them). */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'title', 'head', 'template', 'noscript']);
const ENTITY = /&(nbsp|lt|gt|quot|amp|#39|#\d{1,7}|#x[0-9a-f]{1,6});/gi;
const NAMED: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  quot: '"',
  amp: '&',
  '#39': "'",
};
const ALT = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * Readable text of HTML, for mails that carry no plain-text part, and for HTML too deep to
 * sanitize. One pass over the markup with `readTag` instead of tag-shaped regexes: `<[^>]+>` and
 * `[ \t]+\n` rescan the rest of the input from every `<` or space when no `>` or newline follows.
 */
export function htmlToPlainText(html: string): string {
  const out: string[] = [];
  let textStart = 0;
  let i = html.indexOf('<');
  while (i !== -1) {
    const tag = readTag(html, i);
    if (tag.kind === 'text') {
      i = html.indexOf('<', i + 1);
      continue;
    }
    out.push(html.slice(textStart, i));
    if (tag.end === -1) {
      textStart = html.length;
      break;
    }
    textStart = tag.end;
    if (tag.kind === 'start' && tag.name === 'br') out.push('\n');
    else if (tag.kind === 'end' && LINE_BREAK_END_TAGS.has(tag.name)) out.push('\n');
    else if (tag.kind === 'start' && tag.name === 'img') {
      const alt = ALT.exec(html.slice(i, tag.end));
      const text = alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : null;
      if (text !== null) out.push(`[${text}]`);
    } else if (tag.kind === 'start' && HIDDEN_ELEMENTS.has(tag.name)) {
      const end = indexOfEndTag(html, tag.name, tag.end);
      if (end === -1) {
        textStart = html.length;
        break;
      }
      textStart = end;
      i = end;
      continue;
    }
    i = html.indexOf('<', tag.end);
  }
  out.push(html.slice(textStart));
  return tidyLines(decodeEntities(out.join('')));
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, name: string) => {
    const named = NAMED[name.toLowerCase()];
    if (named !== undefined) return named;
    const code =
      name[1] === 'x' || name[1] === 'X'
        ? parseInt(name.slice(2), 16)
        : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : match;
  });
}

/** Trailing blanks off every line, at most one empty line in a row, no blank edges. */
function tidyLines(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let blank = 0;
  for (const line of lines) {
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09))
      end--;
    const trimmed = line.slice(0, end);
    blank = trimmed === '' ? blank + 1 : 0;
    if (blank < 2) out.push(trimmed);
  }
  return out.join('\n').trim();
}
