import type { MessageKey } from './en';

/** The CLDR plural categories (what `Intl.PluralRules#select` returns). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
/** Keys that have plural forms (`<key>_one`, `<key>_other`, …) and are chosen by a count. */
export type PluralKey = PluralBase<MessageKey>;
/** Keys with one text whatever the count. */
export type SimpleKey = Exclude<MessageKey, `${PluralKey}_${PluralCategory}`>;

/**
 * A complete translation: every simple key of the English catalog, plus each plural key in exactly
 * the categories its language distinguishes (Russian: one/few/many/other; Arabic: all six). The
 * type check fails on a missing key, so a missing translation breaks the build, not the screen.
 */
export type Catalog<C extends PluralCategory> = Record<SimpleKey, string> &
  Record<`${PluralKey}_${C}`, string>;

/** What one topic file of a translation holds: a part of the whole, checked when it is spread in. */
export type CatalogPart<C extends PluralCategory> = Partial<Catalog<C>>;

export type RussianCatalog = Catalog<'one' | 'few' | 'many' | 'other'>;
export type BulgarianCatalog = Catalog<'one' | 'other'>;
export type ArabicCatalog = Catalog<PluralCategory>;

/** Any loaded catalog, as the translator reads it. */
export type AnyCatalog = Readonly<Partial<Record<string, string>>>;
