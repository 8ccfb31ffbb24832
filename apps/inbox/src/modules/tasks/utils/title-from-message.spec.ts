import { describe, expect, it } from 'vitest';
import { titleFromMessage } from './title-from-message';

describe('titleFromMessage', () => {
  it('takes the first non-empty line with its whitespace collapsed', () => {
    expect(titleFromMessage('\n\n  Please   refund\torder 42 \nthanks')).toBe(
      'Please refund order 42',
    );
    expect(titleFromMessage(null)).toBe('');
    expect(titleFromMessage('   ')).toBe('');
  });

  it('cuts a long line at a word boundary, with an ellipsis, within the limit', () => {
    const title = titleFromMessage('word '.repeat(100), 30);
    expect(title.length).toBeLessThanOrEqual(30);
    expect(title.endsWith('word…')).toBe(true);
    expect(titleFromMessage('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
