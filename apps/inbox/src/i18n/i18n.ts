import { en, type MessageKey, type Messages } from './en';

type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
/** Keys that have `_one` / `_other` forms and are chosen by a count. */
export type PluralKey = PluralBase<MessageKey>;
export type Params = Record<string, string | number>;

const catalogs: Record<string, Messages> = { en };
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

let locale = 'en';
let messages: Messages = en;
let pluralRules = new Intl.PluralRules('en');

function languageOf(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? 'en';
}

/** Picks the catalog for a BCP 47 tag (falling back to English) and sets lang/dir on <html>. */
export function setLocale(tag: string | null | undefined): void {
  let resolved = 'en';
  try {
    resolved = Intl.getCanonicalLocales(tag || 'en')[0] ?? 'en';
  } catch {
    resolved = 'en';
  }
  locale = resolved;
  messages = catalogs[resolved] ?? catalogs[languageOf(resolved)] ?? en;
  pluralRules = new Intl.PluralRules(resolved);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = resolved;
    document.documentElement.dir = RTL_LANGUAGES.has(languageOf(resolved)) ? 'rtl' : 'ltr';
  }
}

export function currentLocale(): string {
  return locale;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translates a key; `{name}` placeholders are filled from params (values are never parsed as HTML). */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(messages[key] ?? en[key], params);
}

/** Translates a counted key using the locale's plural rules; `{count}` is filled in. */
export function tp(key: PluralKey, count: number, params?: Params): string {
  const category = pluralRules.select(count);
  const candidate = `${key}_${category}` as MessageKey;
  const chosen: MessageKey = candidate in en ? candidate : (`${key}_other` as MessageKey);
  return t(chosen, { ...params, count: new Intl.NumberFormat(locale).format(count) });
}
