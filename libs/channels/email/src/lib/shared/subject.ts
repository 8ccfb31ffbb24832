import { stripSubjectToken } from './reply-token';

// Every run of spaces has exactly one quantifier that can take it: `\s*(\[2\])?\s*` would split
// the spaces of "Re      …" between its two stars in every possible way (quadratic backtracking).
const PREFIX =
  /^\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|r|odp|ynt|ответ|отв|пересл|رد|إعادة توجيه)\s*(?:(\[\d+\]|\(\d+\))\s*)?[:：]\s*)+/i;

/**
 * The subject a thread is known by: no "Re:"/"AW:"/"Fwd:" chains, no token of ours, case and
 * spacing ignored. Two mails belong together by subject only when these are equal and non-empty.
 */
export function normalizeSubject(subject: string | null | undefined): string {
  let s = stripSubjectToken(subject ?? '');
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
