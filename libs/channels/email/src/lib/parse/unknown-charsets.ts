/** How much of a mail is searched, how many declarations are looked at, and how many are named. */
const MAX_SCANNED_BYTES = 8 * 1024 * 1024;
const MAX_DECLARATIONS = 1_000;
const MAX_REPORTED = 5;
const MAX_NAME = 40;

/**
 * Character sets a mail declares (`charset=…`) that we cannot decode: its text in them shows with
 * replacement characters, and the sync log says why. A forward scan with `indexOf` and a bounded
 * name reader: linear whatever the bytes are.
 */
export function unknownCharsets(source: Buffer): string[] {
  const text = source
    .toString('latin1', 0, Math.min(source.length, MAX_SCANNED_BYTES))
    .toLowerCase();
  const found = new Set<string>();
  let from = 0;
  for (let n = 0; n < MAX_DECLARATIONS && found.size < MAX_REPORTED; n++) {
    const at = text.indexOf('charset=', from);
    if (at === -1) break;
    let i = at + 'charset='.length;
    if (text[i] === '"' || text[i] === "'") i++;
    let name = '';
    while (i < text.length && name.length <= MAX_NAME && isNameChar(text.charCodeAt(i))) {
      name += text[i];
      i++;
    }
    from = i;
    if (name.length > 0 && name.length <= MAX_NAME && !isKnownCharset(name)) found.add(name);
  }
  return [...found];
}

function isNameChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z (the text is lower-cased)
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d || // -
    code === 0x5f || // _
    code === 0x2e || // .
    code === 0x3a || // :
    code === 0x2b // +
  );
}

const known = new Map<string, boolean>();

/** Whether the platform decoder (the WHATWG Encoding Standard's labels) reads this charset. */
function isKnownCharset(name: string): boolean {
  let ok = known.get(name);
  if (ok === undefined) {
    try {
      new TextDecoder(name);
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 500) known.set(name, ok);
  }
  return ok;
}
