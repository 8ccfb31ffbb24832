import { widgetLanguage } from '../shared/widget-locale';
import { ar } from './i18n/ar';
import { bg } from './i18n/bg';
import { de } from './i18n/de';
import { en, type ChatTexts } from './i18n/en';
import { es } from './i18n/es';
import { fr } from './i18n/fr';
import { ru } from './i18n/ru';

export type { ChatTexts } from './i18n/en';

/**
 * Every word the chat UI shows, one table per language in ./i18n/ (each typed `ChatTexts`, so a
 * missing text fails the type check). Counted texts choose their form with Intl.PluralRules.
 */
const TABLE: Record<string, ChatTexts> = { en, de, fr, es, ru, bg, ar };

/** The texts for a locale tag (`ar-SA`, `bg`); languages without a table fall back to English. */
export function chatTexts(locale: string): ChatTexts {
  return TABLE[widgetLanguage(locale)] ?? en;
}
