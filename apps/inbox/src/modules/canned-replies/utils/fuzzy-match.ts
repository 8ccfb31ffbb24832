import type { CannedReplyDto } from '@switchboard/contracts';

/** Characters after which a letter starts a word. */
const WORD_BREAK = /[\s\-_/.,]/;

/**
 * How well `query` matches `text` as a subsequence (letters in order, gaps allowed), or null.
 * One linear pass; consecutive letters and letters at a word start score higher, so "rfnd" finds
 * "Refund" and "ty" ranks "Thank you" above "Tuesday".
 */
export function fuzzyScore(query: string, text: string): number | null {
  if (query.length === 0) return 0;
  const q = query.toLocaleLowerCase();
  const s = text.toLocaleLowerCase();
  let score = 0;
  let qi = 0;
  let previous = -2;
  for (let i = 0; i < s.length && qi < q.length; i++) {
    if (s[i] !== q[qi]) continue;
    score += 1;
    if (i === previous + 1) score += 2;
    if (i === 0 || WORD_BREAK.test(s.charAt(i - 1))) score += 3;
    previous = i;
    qi++;
  }
  return qi === q.length ? score : null;
}

/** Fields in order of weight: a hit in the shortcut beats one in the title, then the body. */
const FIELDS = [
  ['shortcut', 3],
  ['title', 2],
  ['body', 1],
] as const;

/** The replies matching `query` on shortcut, title or body, best first (stable otherwise). */
export function matchCannedReplies(
  replies: readonly CannedReplyDto[],
  query: string,
): CannedReplyDto[] {
  const trimmed = query.trim();
  if (!trimmed) return [...replies];
  const scored: { reply: CannedReplyDto; score: number; index: number }[] = [];
  replies.forEach((reply, index) => {
    let best: number | null = null;
    for (const [field, weight] of FIELDS) {
      const score = fuzzyScore(trimmed, reply[field]);
      if (score !== null) best = Math.max(best ?? 0, score * weight);
    }
    if (best !== null) scored.push({ reply, score: best, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.reply);
}
