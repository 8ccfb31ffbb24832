import { currentLocale } from '../../../i18n/i18n';

/**
 * A language code as the channel reports it ("de", "pt-br") named in the operator's language
 * ("German"); the code itself when the browser cannot name it.
 */
export function languageName(code: string, locale: string = currentLocale()): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    if (!canonical) return code;
    return new Intl.DisplayNames([locale], { type: 'language' }).of(canonical) ?? code;
  } catch {
    return code;
  }
}
