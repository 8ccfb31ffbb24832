/** One file part of a multipart/form-data body. */
export interface UploadedPart {
  /** The part's form name (grammY uses a random id and refers to it as attach://<id>). */
  name: string;
  filename: string;
  contentType: string | null;
  bytes: Buffer;
}

export interface ParsedForm {
  fields: Record<string, string>;
  files: Map<string, UploadedPart>;
}

export class MalformedFormError extends Error {}

/** The boundary parameter of a multipart Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
  const params = headerParams(contentType);
  const boundary = params.get('boundary');
  return boundary && boundary.length <= 200 ? boundary : null;
}

/**
 * Splits a buffered multipart/form-data body into fields and files.
 *
 * Not busboy: grammY writes `filename=<name>` unquoted, and busboy silently drops a file part whose
 * unquoted filename holds a space or a non-ASCII character ("Invoice March.pdf"), which Telegram
 * accepts. This reader takes an unquoted value up to the next `;`, like Telegram's server does.
 */
export function parseMultipart(body: Buffer, boundary: string): ParsedForm {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedPart>();
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const start = body.indexOf(opening);
  if (start < 0) throw new MalformedFormError('no opening boundary');
  let position = start + opening.length;
  for (;;) {
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break; // "--": closing boundary
    const headerStart = skipLineEnd(body, position);
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) throw new MalformedFormError('part headers never end');
    const contentStart = headerEnd + 4;
    const contentEnd = body.indexOf(delimiter, contentStart);
    if (contentEnd < 0) throw new MalformedFormError('part never ends');
    addPart(body.toString('utf8', headerStart, headerEnd), body.subarray(contentStart, contentEnd));
    position = contentEnd + delimiter.length;
  }
  return { fields, files };

  function addPart(headerBlock: string, content: Buffer): void {
    const headers = new Map<string, string>();
    for (const line of headerBlock.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1));
    }
    const disposition = headerParams(headers.get('content-disposition') ?? '');
    const name = disposition.get('name');
    if (name === undefined) throw new MalformedFormError('part without a name');
    const filename = disposition.get('filename*') ?? disposition.get('filename');
    if (filename === undefined) {
      fields[name] = content.toString('utf8');
      return;
    }
    const contentType = headers.get('content-type')?.trim() || null;
    files.set(name, { name, filename, contentType, bytes: Buffer.from(content) });
  }
}

function skipLineEnd(body: Buffer, position: number): number {
  if (body[position] === 0x0d && body[position + 1] === 0x0a) return position + 2;
  throw new MalformedFormError('boundary not followed by a line end');
}

/**
 * Parameters of a header value such as `form-data; name="x"; filename=a b.pdf` or
 * `multipart/form-data; boundary=xyz`, keys lower-cased. `filename*` (RFC 5987) is decoded.
 * A linear scan: quoted values honour backslash escapes, unquoted ones run to the next `;`.
 */
export function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  let i = value.indexOf(';');
  if (i < 0) return params;
  while (i < value.length) {
    i++; // past ';'
    const equals = value.indexOf('=', i);
    const nextSemicolon = value.indexOf(';', i);
    if (equals < 0 || (nextSemicolon >= 0 && nextSemicolon < equals)) {
      if (nextSemicolon < 0) break;
      i = nextSemicolon;
      continue;
    }
    const key = value.slice(i, equals).trim().toLowerCase();
    let j = equals + 1;
    while (value[j] === ' ') j++;
    let raw = '';
    if (value[j] === '"') {
      j++;
      while (j < value.length && value[j] !== '"') {
        if (value[j] === '\\' && j + 1 < value.length) j++;
        raw += value[j];
        j++;
      }
      j = value.indexOf(';', j);
    } else {
      const end = value.indexOf(';', j);
      raw = value.slice(j, end < 0 ? value.length : end).trim();
      j = end;
    }
    params.set(key, key.endsWith('*') ? decodeExtendedValue(raw) : raw);
    if (j < 0) break;
    i = j;
  }
  return params;
}

/** RFC 5987 `UTF-8''percent%20encoded`; the raw text when it is not that. */
function decodeExtendedValue(raw: string): string {
  const quote = raw.indexOf("''");
  if (quote < 0) return raw;
  try {
    return decodeURIComponent(raw.slice(quote + 2));
  } catch {
    return raw;
  }
}
