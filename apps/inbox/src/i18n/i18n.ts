import type { AnyCatalog, PluralKey } from './catalog';
import { en, type MessageKey } from './en';

export type { PluralKey } from './catalog';
export type Params = Record<string, string | number>;

/** The languages with a complete catalog; the others are loaded only when someone needs them. */
export const UI_LANGUAGES = ['en', 'ru', 'bg', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const loaders: Record<Exclude<UiLanguage, 'en'>, () => Promise<AnyCatalog>> = {
  ru: () => import('./ru').then((m) => m.ru),
  bg: () => import('./bg').then((m) => m.bg),
  ar: () => import('./ar').then((m) => m.ar),
};
const catalogs = new Map<string, AnyCatalog>([['en', en]]);
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

let locale = 'en';
let messages: AnyCatalog = en;
let pluralRules = new Intl.PluralRules('en');

function languageOf(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? 'en';
}

function canonical(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function isUiLanguage(language: string): language is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(language);
}

/**
 * The locale to show: the operator's choice, else the first of the browser's languages the inbox
 * speaks (keeping its region for dates: ru-UA stays ru-UA), else English.
 */
export function resolveLocale(
  chosen: string | null | undefined,
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): string {
  const picked = canonical(chosen);
  if (picked) return picked;
  for (const tag of browser) {
    const c = canonical(tag);
    if (c && isUiLanguage(languageOf(c))) return c;
  }
  return 'en';
}

/** Sets the locale from the catalogs already loaded (English for others) and lang/dir on <html>. */
export function setLocale(tag: string | null | undefined): void {
  const resolved = canonical(tag) ?? 'en';
  locale = resolved;
  messages = catalogs.get(languageOf(resolved)) ?? en;
  pluralRules = new Intl.PluralRules(resolved);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = resolved;
    document.documentElement.dir = RTL_LANGUAGES.has(languageOf(resolved)) ? 'rtl' : 'ltr';
  }
}

/**
 * Loads the catalog for the operator's choice (or the browser's language) and switches to it. Never
 * throws: a catalog that cannot be fetched (offline after a deploy) leaves the inbox in English.
 */
export async function loadLocale(chosen: string | null | undefined): Promise<void> {
  const tag = resolveLocale(chosen);
  const language = languageOf(tag);
  if (!catalogs.has(language) && isUiLanguage(language) && language !== 'en') {
    try {
      catalogs.set(language, await loaders[language]());
    } catch {
      // Falls through to English below.
    }
  }
  setLocale(tag);
}

export function currentLocale(): string {
  return locale;
}

export function isRightToLeft(): boolean {
  return RTL_LANGUAGES.has(languageOf(locale));
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
  const english: AnyCatalog = en;
  const template =
    messages[`${key}_${category}`] ??
    messages[`${key}_other`] ??
    english[`${key}_${category}`] ??
    english[`${key}_other`] ??
    key;
  return interpolate(template, { ...params, count: new Intl.NumberFormat(locale).format(count) });
}
