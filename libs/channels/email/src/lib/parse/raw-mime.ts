/**
 * Just enough MIME to read a message without mailparser: its header fields and its first text
 * part. This is the reader of last resort, for a message whose full parse ran out of time, so it
 * runs on the API's own thread and must be cheap whatever the bytes are: every scan is `indexOf`
 * moving forward, every regular expression runs on a value capped at a few kilobytes, and every
 * loop has a fixed upper bound. Strings here are latin1 (one char per byte) until decoded.
 */
export const MAX_HEADER_BLOCK = 256 * 1024;
const MAX_HEADER_VALUE = 8 * 1024;
const MAX_HEADER_FIELDS = 500;
const MAX_DEPTH = 8;
const MAX_PARTS = 100;

export interface RawEntity {
  /** Lower-cased field name → first value, unfolded and capped. */
  headers: Map<string, string>;
  body: string;
}

/** Header fields and body of one entity (the message itself or one MIME part). */
export function readEntity(raw: string): RawEntity {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  let headerEnd = -1;
  let bodyStart = raw.length;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) {
    headerEnd = crlf;
    bodyStart = crlf + 4;
  } else if (lf !== -1) {
    headerEnd = lf;
    bodyStart = lf + 2;
  }
  if (raw.startsWith('\r\n') || raw.startsWith('\n')) {
    // No header fields at all: the whole entity is body.
    return { headers: new Map(), body: raw.slice(raw.indexOf('\n') + 1) };
  }
  const block = raw.slice(0, Math.min(headerEnd === -1 ? raw.length : headerEnd, MAX_HEADER_BLOCK));
  return { headers: readHeaderBlock(block), body: raw.slice(bodyStart) };
}

function readHeaderBlock(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const lines = block.split('\n');
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name !== null && !headers.has(name) && headers.size < MAX_HEADER_FIELDS)
      headers.set(name, value.trim());
  };
  for (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if ((line.startsWith(' ') || line.startsWith('\t')) && name !== null) {
      if (value.length < MAX_HEADER_VALUE) value += ` ${line.trim()}`.slice(0, MAX_HEADER_VALUE);
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : null;
    value = colon > 0 ? line.slice(colon + 1, colon + 1 + MAX_HEADER_VALUE) : '';
  }
  flush();
  return headers;
}

export interface ContentType {
  type: string;
  params: Map<string, string>;
}

/** `text/plain; charset="utf-8"` → type and lower-cased parameter names. */
export function readContentType(value: string | undefined): ContentType {
  const params = new Map<string, string>();
  const [head, ...rest] = splitOutsideQuotes(value ?? '', ';');
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq <= 0) continue;
    const key = param.slice(0, eq).trim().toLowerCase();
    let val = param.slice(eq + 1).trim();
    if (val.length >= 2 && val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1);
    if (!params.has(key)) params.set(key, val);
  }
  return { type: (head ?? '').trim().toLowerCase() || 'text/plain', params };
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}

export interface TextPart {
  type: 'text/plain' | 'text/html';
  entity: RawEntity;
}

/** The first text/plain part that is not an attachment, else the first text/html one. */
export function findTextPart(entity: RawEntity): TextPart | null {
  let html: TextPart | null = null;
  let budget = MAX_PARTS;
  const visit = (current: RawEntity, depth: number): TextPart | null => {
    const { type, params } = readContentType(current.headers.get('content-type'));
    const disposition = (current.headers.get('content-disposition') ?? '').toLowerCase();
    if (disposition.startsWith('attachment')) return null;
    if (type === 'text/plain') return { type, entity: current };
    if (type === 'text/html') {
      html ??= { type, entity: current };
      return null;
    }
    const boundary = params.get('boundary');
    if (!type.startsWith('multipart/') || !boundary || depth >= MAX_DEPTH) return null;
    for (const part of multipartBodies(current.body, boundary)) {
      if (--budget < 0) return null;
      const found = visit(readEntity(part), depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(entity, 0) ?? html;
}

/** The bodies between the delimiter lines `--boundary`, up to the closing `--boundary--`. */
function multipartBodies(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let at = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`);
  if (at > 0) at += 1;
  while (at !== -1 && parts.length < MAX_PARTS) {
    const after = at + delimiter.length;
    if (body.startsWith('--', after)) break;
    const lineEnd = body.indexOf('\n', after);
    if (lineEnd === -1) break;
    const next = body.indexOf(`\n${delimiter}`, lineEnd);
    let end = next === -1 ? body.length : next;
    if (end > lineEnd + 1 && body[end - 1] === '\r') end--;
    parts.push(body.slice(lineEnd + 1, Math.max(end, lineEnd + 1)));
    at = next === -1 ? -1 : next + 1;
  }
  return parts;
}

/** A part's body as text: transfer encoding undone, charset decoded (unknown charsets as UTF-8). */
export function decodeEntityText(entity: RawEntity): string {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(entity.body, 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(entity.body)
        : Buffer.from(entity.body, 'latin1');
  const charset = readContentType(entity.headers.get('content-type')).params.get('charset');
  return decodeBytes(bytes, charset);
}

export function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.trim() || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeQuotedPrintable(body: string): Buffer {
  const out = Buffer.alloc(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x3d /* = */) {
      out[n++] = c & 0xff;
      continue;
    }
    if (body[i + 1] === '\n') {
      i += 1;
    } else if (body[i + 1] === '\r' && body[i + 2] === '\n') {
      i += 2;
    } else {
      const hex = body.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
      } else {
        out[n++] = c;
      }
    }
  }
  return out.subarray(0, n);
}

const ENCODED_WORD = /=\?([^?\s]{1,64})\?([bBqQ])\?([^?\s]{0,1000})\?=/g;

/** RFC 2047 encoded words (`=?utf-8?B?...?=`) in a header value, decoded. */
export function decodeHeaderWords(value: string): string {
  let out = '';
  let last = 0;
  let previousWasWord = false;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const index = match.index ?? 0;
    const gap = value.slice(last, index);
    // Whitespace between two encoded words is folding, not text.
    if (!(previousWasWord && gap.trim() === ''))
      out += decodeBytes(Buffer.from(gap, 'latin1'), 'utf-8');
    const [, charset, encoding, text] = match;
    const bytes =
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : decodeQuotedPrintable(text.replace(/_/g, ' '));
    out += decodeBytes(bytes, charset);
    last = index + match[0].length;
    previousWasWord = true;
  }
  out += decodeBytes(Buffer.from(value.slice(last), 'latin1'), 'utf-8');
  return out;
}
