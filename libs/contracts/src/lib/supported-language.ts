/**
 * The languages the server writes customer- and operator-facing texts in (auto-reply phrases, CSV
 * labels), the same four the inbox speaks; anything else gets English.
 */
export const SUPPORTED_LANGUAGES = ['en', 'ru', 'bg', 'ar'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * The first of the given tags (in order of preference) whose language we write; English
 * otherwise. "ru-RU", "ru_RU" and "RU" all count as Russian; an Accept-Language list works too.
 */
export function supportedLanguage(...tags: (string | null | undefined)[]): SupportedLanguage {
  for (const tag of tags.flatMap((t) => t?.split(',') ?? [])) {
    const language = tag.trim().split(/[-_;]/)[0]?.toLowerCase();
    const known = SUPPORTED_LANGUAGES.find((l) => l === language);
    if (known) return known;
  }
  return 'en';
}
