import { describe, expect, it } from 'vitest';
import { insertAtCursor } from './insert-at-cursor';

describe('insertAtCursor', () => {
  it('appends to the end without a field, spaced', () => {
    expect(insertAtCursor('See', 'A: https://x/help/en/a', null)).toEqual({
      text: 'See A: https://x/help/en/a',
      caret: 26,
    });
  });

  it('replaces the selection and spaces both sides', () => {
    const r = insertAtCursor('read THIS now', 'L', { selectionStart: 5, selectionEnd: 9 });
    expect(r.text).toBe('read L now');
    expect(r.caret).toBe(6);
  });

  it('into an empty text adds no spaces', () => {
    expect(insertAtCursor('', 'L', { selectionStart: 0, selectionEnd: 0 }).text).toBe('L');
  });

  it('between words', () => {
    expect(insertAtCursor('ab', 'L', { selectionStart: 1, selectionEnd: 1 }).text).toBe('a L b');
  });
});
