/**
 * The one piece of HTML tokenising our own scanners need: what the markup at a `<` is and where
 * it ends, the way htmlparser2 (sanitize-html's parser) reads it. No regular expressions: each
 * call looks at the characters of that one tag, so a scan over a document stays linear.
 */
export type HtmlTag =
  /** A `<` that starts no markup (`a < b`): plain text. */
  | { kind: 'text' }
  /** A comment, doctype, processing instruction or bogus end tag. */
  | { kind: 'other'; end: number }
  | { kind: 'start' | 'end'; name: string; end: number };

/** The markup that starts at `html[at] === '<'`; `end` is just past it, or -1 if it never ends. */
export function readTag(html: string, at: number): HtmlTag {
  const next = html.charCodeAt(at + 1);
  if (html.startsWith('!--', at + 1)) {
    const close = html.indexOf('-->', at + 4);
    return { kind: 'other', end: close === -1 ? -1 : close + 3 };
  }
  if (next === 0x21 /* ! */ || next === 0x3f /* ? */) return skipPastGt(html, at);
  const closing = next === 0x2f; /* / */
  const nameStart = closing ? at + 2 : at + 1;
  if (!isAsciiAlpha(html.charCodeAt(nameStart))) {
    // "</" + non-letter is a bogus comment up to ">"; "<" + anything else is text.
    return closing ? skipPastGt(html, at) : { kind: 'text' };
  }
  let p = nameStart;
  while (p < html.length && !isNameEnd(html.charCodeAt(p))) p++;
  const name = html.slice(nameStart, p).toLowerCase();
  return { kind: closing ? 'end' : 'start', name, end: attributesEnd(html, p) };
}

/** Whether the start tag that ends just before `end` was written `<x/>`. */
export function isSelfClosing(html: string, end: number): boolean {
  return end > 1 && html.charCodeAt(end - 2) === 0x2f;
}

/** Where `</name` next starts, in any letter case (`toLowerCase` could shift indices). */
export function indexOfEndTag(html: string, name: string, from: number): number {
  let at = html.indexOf('</', from);
  while (at !== -1) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
    at = html.indexOf('</', at + 2);
  }
  return -1;
}

function skipPastGt(html: string, at: number): HtmlTag {
  const close = html.indexOf('>', at);
  return { kind: 'other', end: close === -1 ? -1 : close + 1 };
}

/** Past the `>` that ends a tag whose name ends at `from`; quoted values may hold `>`. */
function attributesEnd(html: string, from: number): number {
  let p = from;
  while (p < html.length) {
    const c = html.charCodeAt(p);
    if (c === 0x3e /* > */) return p + 1;
    if (c === 0x3d /* = */) {
      p++;
      while (p < html.length && isSpace(html.charCodeAt(p))) p++;
      const quote = html.charCodeAt(p);
      if (quote === 0x22 || quote === 0x27) {
        const close = html.indexOf(quote === 0x22 ? '"' : "'", p + 1);
        if (close === -1) return -1;
        p = close + 1;
      }
      continue;
    }
    p++;
  }
  return -1;
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x2f /* / */ || c === 0x3e; /* > */
}
