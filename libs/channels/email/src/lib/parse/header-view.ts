import type { HeaderLines } from 'mailparser';
import type { HeaderView } from './auto-reply-detector';

/**
 * Header values as written on the wire (unfolded, first occurrence). The detectors look at raw
 * values because mailparser turns some headers into objects and drops unknown charsets.
 */
export function headerViewOf(lines: HeaderLines): HeaderView {
  const map = new Map<string, string>();
  for (const { key, line } of lines) {
    if (map.has(key)) continue;
    const colon = line.indexOf(':');
    map.set(key, (colon === -1 ? '' : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return { get: (name) => map.get(name.toLowerCase()) };
}
