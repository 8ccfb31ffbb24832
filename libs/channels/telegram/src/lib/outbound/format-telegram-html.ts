/**
 * Operator text (plain text with light Markdown: **bold**, *italic* or _italic_, `code`, fenced
 * ``` blocks) as Telegram HTML (parse_mode 'HTML').
 *
 * Everything else is escaped, so no character a customer or operator types can make Telegram
 * refuse the message with "can't parse entities". Unbalanced markers stay literal. One pass to
 * find code blocks, one to tokenize, one stack pass to pair markers: linear in the input, with no
 * regular expression run over the text.
 */
export interface TelegramHtml {
  html: string;
  /** What Telegram counts against its limits: the text once tags and entities are parsed. */
  visibleLength: number;
}

export function formatTelegramHtml(text: string): TelegramHtml {
  const out = new HtmlWriter();
  for (const block of splitFencedBlocks(text)) {
    if (block.pre) out.pre(block.text);
    else writeInline(block.text, out);
  }
  return { html: out.html, visibleLength: out.visibleLength };
}

/** `<`, `>` and `&` as Telegram's HTML parser wants them; nothing else needs escaping there. */
export function escapeTelegramHtml(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const entity = c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : null;
    if (entity) {
      out += text.slice(from, i) + entity;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

class HtmlWriter {
  html = '';
  visibleLength = 0;

  text(value: string): void {
    this.html += escapeTelegramHtml(value);
    this.visibleLength += value.length;
  }

  tag(value: string): void {
    this.html += value;
  }

  pre(value: string): void {
    this.tag('<pre>');
    this.text(value);
    this.tag('</pre>');
  }

  code(value: string): void {
    this.tag('<code>');
    this.text(value);
    this.tag('</code>');
  }
}

interface Block {
  text: string;
  pre: boolean;
}

const FENCE = '```';

/**
 * Cuts out fenced blocks: a line starting with ``` opens one (the rest of that line names a
 * language, which Telegram does not need), a later line that is exactly ``` closes it. Without a
 * closing line, or with nothing inside, the fence is ordinary text.
 */
function splitFencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let textStart = 0;
  let lineStart = 0;
  let closersLeft = true;
  while (lineStart < text.length && closersLeft) {
    const lineEnd = endOfLine(text, lineStart);
    if (text.startsWith(FENCE, lineStart) && lineEnd < text.length) {
      const contentStart = lineEnd + 1;
      const closer = findCloser(text, contentStart);
      if (closer === -1) {
        // No closing line after here, so no later fence can close either.
        closersLeft = false;
        break;
      }
      const content = text.slice(contentStart, Math.max(contentStart, closer - 1));
      if (content.trim().length > 0) {
        if (lineStart > textStart)
          blocks.push({ text: text.slice(textStart, lineStart), pre: false });
        blocks.push({ text: content, pre: true });
        const afterCloser = closer + FENCE.length;
        // The closing line's own line break belongs to the fence, not to the text after it.
        textStart = afterCloser < text.length ? afterCloser + 1 : afterCloser;
        lineStart = textStart;
        continue;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (textStart < text.length) blocks.push({ text: text.slice(textStart), pre: false });
  return blocks;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** Start of the next line that is exactly ``` (from `from` on), or -1. */
function findCloser(text: string, from: number): number {
  let at = from;
  while (at <= text.length) {
    const start = at === from ? (text.startsWith(FENCE, at) ? at : -1) : -1;
    const candidate = start !== -1 ? start : text.indexOf(`\n${FENCE}`, at);
    if (candidate === -1) return -1;
    const fenceAt = start !== -1 ? start : candidate + 1;
    const after = fenceAt + FENCE.length;
    if (after === text.length || text[after] === '\n' || text.startsWith('\r\n', after))
      return fenceAt;
    at = after;
  }
  return -1;
}

type Marker = '**' | '*' | '_';
type Token =
  | { kind: 'text'; value: string }
  | { kind: 'code'; value: string }
  | { kind: 'break'; value: string }
  | {
      kind: 'marker';
      marker: Marker;
      canOpen: boolean;
      canClose: boolean;
      pair: 'open' | 'close' | null;
    };

const TAG: Record<Marker, string> = { '**': 'b', '*': 'i', _: 'i' };

function writeInline(text: string, out: HtmlWriter): void {
  const tokens = tokenize(text);
  pairMarkers(tokens);
  for (const t of tokens) {
    if (t.kind === 'code') out.code(t.value);
    else if (t.kind === 'marker') {
      if (t.pair === 'open') out.tag(`<${TAG[t.marker]}>`);
      else if (t.pair === 'close') out.tag(`</${TAG[t.marker]}>`);
      else out.text(t.marker);
    } else out.text(t.value);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let plainFrom = 0;
  let backticksLeft = true;
  const flush = (end: number): void => {
    if (end > plainFrom) tokens.push({ kind: 'text', value: text.slice(plainFrom, end) });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '`' && backticksLeft) {
      const close = text.indexOf('`', i + 1);
      if (close === -1) backticksLeft = false;
      else {
        const content = text.slice(i + 1, close);
        if (!content.includes('\n') && content.trim().length > 0) {
          flush(i);
          tokens.push({ kind: 'code', value: content });
          i = close + 1;
          plainFrom = i;
          continue;
        }
      }
    } else if (c === '\n' && text[i + 1] === '\n') {
      // A blank line ends a paragraph: emphasis never spans it.
      let end = i;
      while (end < text.length && text[end] === '\n') end++;
      flush(i);
      tokens.push({ kind: 'break', value: text.slice(i, end) });
      i = end;
      plainFrom = i;
      continue;
    } else if (c === '*' || c === '_') {
      flush(i);
      const run = c === '*' ? runLength(text, i, '*') : 1;
      for (const marker of markersOfRun(text, i, run)) {
        const start = i;
        i += marker.length;
        tokens.push(markerToken(text, marker, start, i));
      }
      plainFrom = i;
      continue;
    }
    i++;
  }
  flush(text.length);
  return tokens;
}

function runLength(text: string, from: number, c: string): number {
  let end = from;
  while (text[end] === c) end++;
  return end - from;
}

/** `***` that only closes reads as `*` then `**`, so `***x***` nests as <b><i>x</i></b>. */
function markersOfRun(text: string, at: number, run: number): Marker[] {
  if (text[at] === '_') return ['_'];
  const markers: Marker[] = [];
  for (let left = run; left > 0; left -= left >= 2 ? 2 : 1) markers.push(left >= 2 ? '**' : '*');
  const closesOnly = !isSpace(text[at - 1]) && isSpace(text[at + run]);
  if (run === 3 && closesOnly) return ['*', '**'];
  return markers;
}

function markerToken(text: string, marker: Marker, start: number, end: number): Token {
  const before = text[start - 1];
  const after = text[end];
  // A marker opens before a word and closes after one, never inside a word: `snake_case`, `a*b`,
  // `2**10`, "5 * 3" and "*, &" stay exactly as typed.
  const canOpen =
    !isSpace(after) && !CLOSING_PUNCTUATION.includes(after as string) && !isWordChar(before);
  const canClose =
    !isSpace(before) && !OPENING_PUNCTUATION.includes(before as string) && !isWordChar(after);
  return { kind: 'marker', marker, canOpen, canClose, pair: null };
}

/**
 * Pairs openers with closers on a stack. A closer matches the nearest open marker of its kind;
 * markers opened above that one stay literal, so tags always nest. Counting open markers per kind
 * lets a closer with no partner skip the stack walk, so every token is pushed and popped at most
 * once.
 */
function pairMarkers(tokens: Token[]): void {
  const stack: number[] = [];
  const open: Record<Marker, number> = { '**': 0, '*': 0, _: 0 };
  const reset = (): void => {
    stack.length = 0;
    open['**'] = open['*'] = open._ = 0;
  };
  tokens.forEach((t, index) => {
    if (t.kind === 'break') return reset();
    if (t.kind !== 'marker') return;
    if (t.canClose && open[t.marker] > 0) {
      const top = stack[stack.length - 1];
      const adjacent = top === index - 1 && (tokens[top] as { marker: Marker }).marker === t.marker;
      // An empty pair (`****`) would be an empty tag: leave both literal.
      if (!adjacent) {
        for (;;) {
          const opener = tokens[stack.pop() as number] as Extract<Token, { kind: 'marker' }>;
          open[opener.marker]--;
          if (opener.marker === t.marker) {
            opener.pair = 'open';
            t.pair = 'close';
            return;
          }
          opener.pair = null;
        }
      }
    }
    if (t.canOpen) {
      stack.push(index);
      open[t.marker]++;
    }
  });
}

const CLOSING_PUNCTUATION = ',.;:!?)]}';
const OPENING_PUNCTUATION = '([{';

function isSpace(c: string | undefined): boolean {
  return c === undefined || c.trim().length === 0;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}
