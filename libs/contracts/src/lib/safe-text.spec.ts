import { z } from 'zod';
import * as contracts from '../index';
import {
  cleanText,
  findUnsafeCharacter,
  isInvalidCharactersIssue,
  safeJsonRecord,
  safeText,
  storableDateTime,
  stripUnsafeCharacters,
} from './safe-text';

describe('safeText', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000', 1],
    ['BEL', 'ring\u0007', 'U+0007', 4],
    ['ESC', '\u001b[31m', 'U+001B', 0],
    ['DEL', 'x\u007f', 'U+007F', 1],
    ['a C1 control', 'next\u0085line', 'U+0085', 4],
    ['an unpaired high surrogate', 'a\ud800', 'U+D800', 1],
    ['an unpaired low surrogate', '\udc00b', 'U+DC00', 0],
  ])('refuses %s, naming the character and where it is', (_label, value, codePoint, index) => {
    const result = safeText().safeParse(value);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(isInvalidCharactersIssue(issue)).toBe(true);
    expect(issue.message).toContain(codePoint);
    expect(issue.message).toContain(`position ${index}`);
  });

  it('accepts tabs, line breaks, emoji and every script', () => {
    for (const text of ['a\tb\r\nc', '😀 👩‍💻', 'שלום', 'مرحبا', '日本語', '\u202Eand bidi']) {
      expect(safeText().parse(text)).toBe(text);
    }
  });

  it('chains like any string schema', () => {
    expect(safeText().trim().min(1).max(5).safeParse('  ab  ')).toEqual({
      success: true,
      data: 'ab',
    });
    expect(safeText().max(3).safeParse('abcd').success).toBe(false);
  });
});

describe('cleanText', () => {
  it('drops control characters and repairs broken surrogates instead of refusing', () => {
    expect(cleanText().parse('Bo\u0000b\u0007 \u009bSmith')).toBe('Bob Smith');
    expect(cleanText().parse('x\ud800y')).toBe('x\uFFFDy');
    expect(cleanText().trim().max(5).safeParse('\u0000 abc \u0000').data).toBe('abc');
  });
});

describe('safeJsonRecord', () => {
  it('refuses a control character anywhere in the tree, with its path', () => {
    const result = safeJsonRecord().safeParse({ a: { b: ['ok', 'no\u0000'] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['a', 'b', 1]);
    expect(safeJsonRecord().safeParse({ ['k\u0001']: 1 }).success).toBe(false);
    expect(safeJsonRecord().parse({ a: [1, true, null, 'fine'] })).toEqual({
      a: [1, true, null, 'fine'],
    });
  });
});

describe('storableDateTime', () => {
  it('refuses dates PostgreSQL cannot store', () => {
    expect(storableDateTime().safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(storableDateTime().safeParse('2024-02-30T00:00:00Z').success).toBe(false);
    expect(storableDateTime().safeParse('0001-01-01T00:00:00Z').success).toBe(true);
    expect(storableDateTime().safeParse('2024-02-29T12:00:00+02:00').success).toBe(true);
  });
});

describe('finding and stripping', () => {
  it('finds the first unsafe character, controls and surrogates alike', () => {
    expect(findUnsafeCharacter('clean')).toBeNull();
    expect(findUnsafeCharacter('a\ud800\u0000')).toMatchObject({
      index: 1,
      kind: 'unpaired_surrogate',
    });
    expect(findUnsafeCharacter('a\u0000\ud800')).toMatchObject({ index: 1, kind: 'control' });
    expect(stripUnsafeCharacters('😀\u0000')).toBe('😀');
  });
});

/**
 * Every text field of every request the API accepts refuses or drops control characters: a new
 * field declared as a bare `z.string()` fails here, before PostgreSQL fails in production.
 */
describe('request schemas in the contracts', () => {
  /** Fields that never reach a text column, and why. */
  const EXEMPT: Record<string, string> = {
    password: 'hashed, never stored as text',
    currentPassword: 'compared with a hash, never stored',
    newPassword: 'hashed, never stored as text',
    cursor: 'opaque: decoded and validated by keyset-cursor.ts',
    before: 'opaque: decoded and validated by keyset-cursor.ts',
    secrets: 'sealed (encrypted) before it is stored',
  };

  const unwrap = (schema: z.ZodType): z.ZodType => {
    let s = schema as z.ZodType & { unwrap?: () => z.ZodType; def?: { innerType?: z.ZodType } };
    for (let i = 0; i < 5; i++) {
      const inner = s.def?.innerType;
      if (!inner) break;
      s = inner as typeof s;
    }
    return s;
  };

  const requestSchemas = Object.entries(contracts).filter(
    ([name, value]) => /(Request|Query)Schema$/.test(name) && value instanceof z.ZodType,
  ) as Array<[string, z.ZodType]>;

  it('finds the request schemas', () => {
    expect(requestSchemas.map(([n]) => n)).toEqual(
      expect.arrayContaining(['sendMessageRequestSchema', 'createInboxRequestSchema']),
    );
  });

  it.each(requestSchemas)('%s: no text field lets a NUL through', (_name, schema) => {
    const shape = (unwrap(schema) as z.ZodObject).shape as Record<string, z.ZodType> | undefined;
    for (const [field, fieldSchema] of Object.entries(shape ?? {})) {
      if (EXEMPT[field]) continue;
      const inner = unwrap(fieldSchema);
      const candidates =
        inner instanceof z.ZodRecord ? [{ k: 'v\u0000' }] : ['text\u0000', 'a\u0000@b.co'];
      for (const value of candidates) {
        const result = fieldSchema.safeParse(value);
        const leaked = result.success && JSON.stringify(result.data).includes('\\u0000');
        expect({ field, leaked }).toEqual({ field, leaked: false });
      }
    }
  });
});
