import { widgetLanguage, type WidgetLanguage } from '../shared/widget-locale';

export interface LoaderTexts {
  open: string;
  close: string;
  loading: string;
  failed: string;
}

/** The few words the loader shows before the chat UI arrives. */
const TEXTS: Record<WidgetLanguage, LoaderTexts> = {
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
  ru: {
    open: 'Открыть чат',
    close: 'Закрыть чат',
    loading: 'Загрузка…',
    failed: 'Не удалось загрузить чат. Попробуйте ещё раз.',
  },
  bg: {
    open: 'Отвори чата',
    close: 'Затвори чата',
    loading: 'Зареждане…',
    failed: 'Чатът не можа да се зареди. Опитайте отново.',
  },
  ar: {
    open: 'فتح المحادثة',
    close: 'إغلاق المحادثة',
    loading: 'جارٍ التحميل…',
    failed: 'تعذّر تحميل المحادثة. حاول مرة أخرى.',
  },
};

export function loaderTexts(locale: string): LoaderTexts {
  const lang = widgetLanguage(locale);
  return lang in TEXTS ? TEXTS[lang as WidgetLanguage] : TEXTS.en;
}
