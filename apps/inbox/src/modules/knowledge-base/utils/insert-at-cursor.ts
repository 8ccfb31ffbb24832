/**
 * `text` with `insert` put where the caret (or selection) of `field` is, or at the end; spaced
 * from the words around it. Returns the new text and where the caret goes.
 */
export function insertAtCursor(
  text: string,
  insert: string,
  field: Pick<HTMLTextAreaElement, 'selectionStart' | 'selectionEnd'> | null,
): { text: string; caret: number } {
  const start = field ? Math.min(field.selectionStart, text.length) : text.length;
  const end = field ? Math.min(Math.max(field.selectionEnd, start), text.length) : text.length;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^\s/.test(after) ? ' ' : '';
  const piece = `${lead}${insert}${trail}`;
  return { text: before + piece + after, caret: before.length + piece.length };
}
