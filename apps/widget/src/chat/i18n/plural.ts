type Forms<C extends Intl.LDMLPluralRule> = Record<C | 'other', string>;

/** Russian distinguishes 1 (21, 31…), 2–4 (22–24…) and 5–20 (25–30…); `other` is for fractions. */
export type RussianForms = Forms<'one' | 'few' | 'many'>;
export type BulgarianForms = Forms<'one'>;
/** Arabic: 0, 1, 2, 3–10, 11–99, and 100+ (`other`). */
export type ArabicForms = Forms<'zero' | 'one' | 'two' | 'few' | 'many'>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of a counted text for `count` by the language's CLDR plural rules. Each form is a whole
 * sentence (no words glued together), so a translator can reorder it freely.
 */
export function plural<C extends Intl.LDMLPluralRule>(
  language: string,
  count: number,
  forms: Forms<C>,
): string {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  const all: Partial<Record<Intl.LDMLPluralRule, string>> = forms;
  return all[rule.select(count)] ?? forms.other;
}
