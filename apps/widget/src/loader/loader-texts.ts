export interface LoaderTexts {
  open: string;
  close: string;
  loading: string;
  failed: string;
}

/** The few words the loader shows before the chat UI arrives. */
const TEXTS: Record<'en' | 'de' | 'fr' | 'es', LoaderTexts> = {
  en: {
    open: 'Open chat',
    close: 'Close chat',
    loading: 'Loading…',
    failed: 'Chat could not load. Try again.',
  },
  de: {
    open: 'Chat öffnen',
    close: 'Chat schließen',
    loading: 'Lädt…',
    failed: 'Chat konnte nicht laden. Erneut versuchen.',
  },
  fr: {
    open: 'Ouvrir le chat',
    close: 'Fermer le chat',
    loading: 'Chargement…',
    failed: 'Le chat n’a pas pu se charger. Réessayez.',
  },
  es: {
    open: 'Abrir chat',
    close: 'Cerrar chat',
    loading: 'Cargando…',
    failed: 'No se pudo cargar el chat. Inténtalo de nuevo.',
  },
};

export function loaderTexts(locale: string): LoaderTexts {
  const lang = locale.slice(0, 2).toLowerCase();
  return lang in TEXTS ? TEXTS[lang as keyof typeof TEXTS] : TEXTS.en;
}
