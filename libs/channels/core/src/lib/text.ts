/** A short single-line preview of a message for feed rows and notifications. */
export function previewOf(text: string | null | undefined, max = 140): string | null {
  if (!text) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  return `${Array.from(line)
    .slice(0, max - 1)
    .join('')}…`;
}
