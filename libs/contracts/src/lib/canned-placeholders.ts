/** The placeholders a canned reply may hold, in the order the settings screen lists them. */
export const CANNED_PLACEHOLDERS = [
  'contact.name',
  'contact.first_name',
  'operator.name',
  'conversation.number',
  /** "in a few minutes" while the inbox is open, "on Monday at 09:00" when it is away. */
  'inbox.reply_time',
] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];

/** What fills the placeholders; a missing value (a contact without a name) stays unknown. */
export type PlaceholderValues = Partial<Record<CannedPlaceholder, string | null>>;

export interface RenderedPlaceholders {
  text: string;
  /** Placeholder names nothing filled, each once, in order of appearance. */
  unknown: string[];
}

const OPEN = '{{';
const CLOSE = '}}';
/** A name longer than this is not a placeholder, just text with braces. */
const MAX_NAME = 64;

/**
 * Fills `{{name}}` placeholders in one left-to-right pass with `indexOf` (no regular expression,
 * so no backtracking): linear in the body's length whatever it holds. Spaces inside the braces
 * are ignored (`{{ contact.name }}`). A placeholder nothing fills is kept as typed and reported.
 */
export function renderPlaceholders(body: string, values: PlaceholderValues): RenderedPlaceholders {
  const known = values as Record<string, string | null | undefined>;
  const unknown = new Set<string>();
  let out = '';
  let from = 0;
  for (;;) {
    const open = body.indexOf(OPEN, from);
    if (open < 0) break;
    // Never search for `}}` beyond the name limit, so a body of many `{{` stays linear.
    const window = body.slice(open + OPEN.length, open + OPEN.length + MAX_NAME + CLOSE.length);
    const closeAt = window.indexOf(CLOSE);
    const nested = window.indexOf(OPEN);
    if (closeAt < 0 || (nested >= 0 && nested < closeAt)) {
      out += body.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    const name = window.slice(0, closeAt).trim();
    const end = open + OPEN.length + closeAt + CLOSE.length;
    const value = Object.prototype.hasOwnProperty.call(known, name) ? known[name] : undefined;
    out += body.slice(from, open);
    if (typeof value === 'string' && value.length > 0) {
      out += value;
    } else {
      out += body.slice(open, end);
      unknown.add(name);
    }
    from = end;
  }
  return { text: out + body.slice(from), unknown: [...unknown] };
}

/**
 * Placeholder syntax still present in text the operator is about to send (the composer's text
 * stays editable, so this re-checks what is there now, not what was inserted).
 */
export function findPlaceholders(text: string): string[] {
  return renderPlaceholders(text, {}).unknown;
}

/** The first word of a name: "Ana María López" → "Ana". */
export function firstNameOf(name: string | null | undefined): string | null {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  const space = trimmed.search(/\s/);
  return space < 0 ? trimmed : trimmed.slice(0, space);
}
