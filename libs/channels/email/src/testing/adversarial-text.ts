import fc from 'fast-check';

/**
 * Recipes for the inputs that break backtracking regexes and naive scanners, and fast-check
 * arbitraries that generate them. A recipe, not the string, is what a property receives: a
 * failing case then prints as a few short fields (prefix, pump, times, suffix) instead of 100 KB.
 */
export interface PumpedText {
  kind: 'pumped';
  prefix: string;
  /** Repeated `times` times: a run of the characters one pattern cares about. */
  pump: string;
  times: number;
  /** Whatever makes the match fail at the very end. */
  suffix: string;
}

export interface NestedHtml {
  kind: 'nested';
  tag: string;
  depth: number;
  content: string;
  /** End tags: one per level, the wrong one per level (never matched), or none. */
  close: 'matching' | 'mismatched' | 'none';
}

export type TextRecipe = PumpedText | NestedHtml;

export function render(recipe: TextRecipe): string {
  if (recipe.kind === 'pumped')
    return recipe.prefix + recipe.pump.repeat(recipe.times) + recipe.suffix;
  const open = `<${recipe.tag} class="gmail_quote">`.repeat(recipe.depth);
  const closer =
    recipe.close === 'matching' ? `</${recipe.tag}>` : recipe.close === 'mismatched' ? '</i>' : '';
  return open + recipe.content + closer.repeat(recipe.depth);
}

/** A prefix, a pump repeated to about `maxLength` characters, and a suffix, from `tokens`. */
export function pumpedText(tokens: readonly string[], maxLength: number): fc.Arbitrary<PumpedText> {
  const piece = (max: number) =>
    fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: max }).map((p) => p.join(''));
  return fc
    .record({
      prefix: piece(6),
      // Mostly short pumps (one or two tokens: the classic runs), sometimes long mixtures.
      pump: fc.oneof(
        { weight: 3, arbitrary: piece(1) },
        { weight: 3, arbitrary: piece(2) },
        piece(40),
      ),
      suffix: piece(3),
      length: fc.integer({ min: Math.min(1_000, maxLength), max: maxLength }),
    })
    .map(({ prefix, pump, suffix, length }) => ({
      kind: 'pumped' as const,
      prefix,
      pump,
      times: Math.max(1, Math.floor((length - prefix.length - suffix.length) / pump.length)),
      suffix,
    }));
}

/** Elements nested `depth` deep, closed properly, wrongly or not at all. */
export function nestedHtml(maxLength: number): fc.Arbitrary<NestedHtml> {
  return fc
    .record({
      tag: fc.constantFrom('div', 'b', 'blockquote', 'table', 'li', 'p', 'td', 'svg', 'span'),
      depth: fc.integer({ min: 100, max: Math.floor(maxLength / 40) }),
      content: fc.constantFrom('x', '<!--', '<script>', '<style>', '"', '<p><li>'),
      close: fc.constantFrom('matching' as const, 'mismatched' as const, 'none' as const),
    })
    .map((r) => ({ kind: 'nested' as const, ...r }));
}

/** The shapes known to break the patterns these parsers used to have: run first, every time. */
export const pump = (prefix: string, unit: string, times: number, suffix = ''): PumpedText => ({
  kind: 'pumped',
  prefix,
  pump: unit,
  times,
  suffix,
});
