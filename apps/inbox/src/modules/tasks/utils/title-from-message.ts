import { MAX_TASK_TITLE_LENGTH } from '@switchboard/contracts';

/**
 * A task title from a message's text: its first non-empty line, whitespace collapsed, cut at a
 * word boundary to fit (an ellipsis says it was cut). Linear: no regular expression backtracks.
 */
export function titleFromMessage(text: string | null, max = MAX_TASK_TITLE_LENGTH): string {
  const line =
    (text ?? '')
      .split('\n')
      .map((l) => l.split(/\s+/).filter(Boolean).join(' '))
      .find((l) => l.length > 0) ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
