import { z } from 'zod';

/**
 * Characters no text field accepts: the C0 controls except tab, line feed and carriage return,
 * DEL, and the C1 controls. Nobody types them; they come from binary junk, terminal escapes or
 * someone probing us, and PostgreSQL refuses NUL in text outright (a 500 before this check).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** Half of a UTF-16 surrogate pair on its own: not text in any encoding (PostgreSQL's JSON refuses it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** `params.reason` of the zod issues raised here: the API answers them with 422 INVALID_CHARACTERS. */
export const INVALID_CHARACTERS_REASON = 'invalid_characters';

export interface UnsafeCharacter {
  /** Position in the string (UTF-16 code units, as JavaScript counts). */
  index: number;
  /** `U+0000` notation, safe to show and to log. */
  codePoint: string;
  kind: 'control' | 'unpaired_surrogate';
}

/** The first character that may not be stored as text, or null when the text is clean. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  const control = CONTROL_CHARACTER.exec(text);
  const surrogate = LONE_SURROGATE.exec(text);
  const first =
    control && surrogate
      ? control.index < surrogate.index
        ? control
        : surrogate
      : (control ?? surrogate);
  if (!first) return null;
  return {
    index: first.index,
    codePoint: `U+${first[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    kind: first === control ? 'control' : 'unpaired_surrogate',
  };
}

/** Removes control characters and replaces broken surrogates with U+FFFD: for names, not messages. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATES, '\uFFFD');
}

export function describeUnsafeCharacter(c: UnsafeCharacter): string {
  return c.kind === 'control'
    ? `contains a control character (${c.codePoint}) at position ${c.index}; remove it`
    : `contains a broken character (unpaired surrogate ${c.codePoint}) at position ${c.index}`;
}

/**
 * A string field that refuses control characters with a reason naming the character: for message
 * text, ids and anything where silently changing the value would be wrong. Chain `.max()`,
 * `.trim()` etc. as on any `z.string()`.
 */
export function safeText(): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const bad = findUnsafeCharacter(value);
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: describeUnsafeCharacter(bad),
        params: { reason: INVALID_CHARACTERS_REASON },
      });
    }
  });
}

/**
 * A string field whose control characters are dropped instead: display names and other labels,
 * where storing "Bob" for "B\u0000ob" serves everyone better than refusing the whole message.
 */
export function cleanText(): z.ZodString {
  return z.string().overwrite(stripUnsafeCharacters);
}

const MAX_JSON_DEPTH = 32;

/**
 * A free-form JSON object (inbox settings) whose every key and string value is safe text: it is
 * stored as jsonb, which refuses `\u0000` with a 500.
 */
export function safeJsonRecord() {
  return z.record(z.string(), z.unknown()).superRefine((record, ctx) => {
    const visit = (value: unknown, path: PropertyKey[], depth: number): void => {
      if (depth > MAX_JSON_DEPTH) {
        ctx.addIssue({ code: 'custom', message: 'is nested too deeply', path });
        return;
      }
      if (typeof value === 'string') {
        const bad = findUnsafeCharacter(value);
        if (bad)
          ctx.addIssue({
            code: 'custom',
            message: describeUnsafeCharacter(bad),
            path,
            params: { reason: INVALID_CHARACTERS_REASON },
          });
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => visit(item, [...path, i], depth + 1));
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          const bad = findUnsafeCharacter(key);
          if (bad)
            ctx.addIssue({
              code: 'custom',
              message: `key ${describeUnsafeCharacter(bad)}`,
              path,
              params: { reason: INVALID_CHARACTERS_REASON },
            });
          visit(item, [...path, key], depth + 1);
        }
      }
    };
    visit(record, [], 0);
  });
}

/** Whether a zod issue is one of ours about unsafe characters (for the 422 answer). */
export function isInvalidCharactersIssue(issue: { code?: string; params?: unknown }): boolean {
  const params = issue.params as { reason?: unknown } | undefined;
  return issue.code === 'custom' && params?.reason === INVALID_CHARACTERS_REASON;
}

/** A real calendar date-time PostgreSQL can store: zod's ISO check lets year 0000 through. */
export function storableDateTime() {
  return z.iso.datetime({ offset: true }).refine((v) => {
    const year = Number(v.slice(0, 4));
    return year >= 1 && year <= 9999 && Number.isFinite(Date.parse(v));
  }, 'must be a date between the years 1 and 9999');
}
