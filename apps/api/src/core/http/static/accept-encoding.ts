/** The content codings the static server can send: precompressed variants or the file as is. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** When the client weighs codings equally, the smallest wins. */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/** The lowest weight a qvalue can state. */
const IMPLICIT_IDENTITY_WEIGHT = 0.001;

/** RFC 9110 qvalue: 0 to 1 with up to three decimals. Anchored, no nested quantifier: linear. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** Coding name → weight, as the header states them (`x-gzip` is gzip; unknown codings kept). */
function parseWeights(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name = '', ...params] = entry.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let weight = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=');
      if (key.trim().toLowerCase() !== 'q') continue;
      // A malformed weight cannot be trusted as consent to a coding.
      weight = QVALUE.test(value.trim()) ? Number(value.trim()) : 0;
    }
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, weight);
  }
  return weights;
}

/**
 * Picks the coding to send from those `available`, by the request's Accept-Encoding: the highest
 * q-value wins, ties go br > gzip > identity, `q=0` forbids, `*` covers codings not named.
 * identity is acceptable (below every named coding) unless `identity;q=0` (or `*;q=0` with no identity entry) says not.
 * No header means identity: nothing tells us the client decodes anything.
 * Returns null when nothing available is acceptable (the caller may still send identity).
 */
export function negotiateContentCoding(
  header: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | null {
  if (header === undefined) return available.includes('identity') ? 'identity' : null;
  const weights = parseWeights(header);
  const star = weights.get('*');
  // Unnamed identity is acceptable but the last resort: a client listing codings wants them.
  const weightOf = (coding: ContentCoding): number =>
    weights.get(coding) ?? star ?? (coding === 'identity' ? IMPLICIT_IDENTITY_WEIGHT : 0);
  let best: ContentCoding | null = null;
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    if (!available.includes(coding)) continue;
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
