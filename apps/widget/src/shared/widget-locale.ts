/** The languages the widget speaks (loader and chat UI alike). */
export const WIDGET_LANGUAGES = ['en', 'de', 'fr', 'es', 'ru', 'bg', 'ar'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<WidgetLanguage>(['ar']);

/** The primary language subtag of a locale tag, lower-cased: `pt-BR` → `pt`. */
export function widgetLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

function isSpoken(tag: string | null | undefined): tag is string {
  return !!tag && (WIDGET_LANGUAGES as readonly string[]).includes(widgetLanguage(tag));
}

/**
 * The locale the widget shows: the site's setting (`data-locale` on the loader script) when the
 * widget speaks it, else the first of the visitor's browser languages it speaks, else English.
 * The region is kept (`ar-SA`) so numbers and dates follow it.
 */
export function pickWidgetLocale(
  site: string | null | undefined,
  browser: readonly string[],
): string {
  if (isSpoken(site)) return site;
  return browser.find(isSpoken) ?? 'en';
}

/** The writing direction of a locale: `rtl` for Arabic. */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(widgetLanguage(locale)) ? 'rtl' : 'ltr';
}
