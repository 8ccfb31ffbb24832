/**
 * Content API templates: `{{1}}`-style placeholders, their substitution, and the
 * `ContentVariables` JSON a Messages.create call brings. Linear scans, no regular expressions.
 */

interface Placeholder {
  start: number;
  end: number;
  name: string;
}

/** Every well-formed `{{name}}` in a template body, in order. */
function findPlaceholders(body: string): Placeholder[] {
  const found: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const open = body.indexOf('{{', from);
    if (open < 0) return found;
    const close = body.indexOf('}}', open + 2);
    if (close < 0) return found;
    const name = body.slice(open + 2, close).trim();
    if (name !== '' && !name.includes('{')) found.push({ start: open, end: close + 2, name });
    from = close + 2;
  }
}

/** The distinct placeholder names of a body, in the order they appear. */
export function placeholderNames(body: string): string[] {
  return [...new Set(findPlaceholders(body).map((p) => p.name))];
}

/** The body with each `{{name}}` replaced; a name without a value keeps its placeholder. */
export function renderTemplate(body: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  let from = 0;
  for (const placeholder of findPlaceholders(body)) {
    out += body.slice(from, placeholder.start);
    out += values[placeholder.name] ?? body.slice(placeholder.start, placeholder.end);
    from = placeholder.end;
  }
  return out + body.slice(from);
}

/**
 * `ContentVariables` as Twilio accepts it: a JSON object of non-empty strings (numbers are
 * taken as their text). Null when malformed, which Twilio answers with 21656.
 */
export function parseContentVariables(raw: string): Record<string, string> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'number' && Number.isFinite(value)) values[key] = String(value);
    else if (typeof value === 'string' && value !== '') values[key] = value;
    else return null;
  }
  return values;
}
