import type { KbLocale } from '@switchboard/contracts';

/** The help centre's own words, in each language an article can be written in. */
export interface HelpTexts {
  languageName: string;
  helpCentre: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  resultsFor: (query: string) => string;
  noResults: string;
  noArticles: string;
  otherArticles: string;
  updated: string;
  alsoIn: string;
  wasHelpful: string;
  yes: string;
  no: string;
  thanks: string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  tooManyTitle: string;
  tooManyBody: string;
  languageLabel: string;
}

export const HELP_TEXTS: Record<KbLocale, HelpTexts> = {
  en: {
    languageName: 'English',
    helpCentre: 'Help centre',
    searchLabel: 'Search the help centre',
    searchPlaceholder: 'How can we help?',
    searchButton: 'Search',
    resultsFor: (q) => `Results for “${q}”`,
    noResults: 'No articles match. Try other words, or write to us in the chat.',
    noArticles: 'No articles yet.',
    otherArticles: 'Other articles',
    updated: 'Updated',
    alsoIn: 'Also in',
    wasHelpful: 'Was this article helpful?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thanks for your feedback!',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This article does not exist or is no longer published.',
    backHome: 'Back to the help centre',
    tooManyTitle: 'Too many requests',
    tooManyBody: 'Please wait a minute and try again.',
    languageLabel: 'Language',
  },
  ru: {
    languageName: 'Русский',
    helpCentre: 'Центр помощи',
    searchLabel: 'Поиск по центру помощи',
    searchPlaceholder: 'Чем мы можем помочь?',
    searchButton: 'Найти',
    resultsFor: (q) => `Результаты по запросу «${q}»`,
    noResults: 'Ничего не найдено. Попробуйте другие слова или напишите нам в чат.',
    noArticles: 'Статей пока нет.',
    otherArticles: 'Другие статьи',
    updated: 'Обновлено',
    alsoIn: 'Другие языки',
    wasHelpful: 'Статья была полезной?',
    yes: 'Да',
    no: 'Нет',
    thanks: 'Спасибо за отзыв!',
    notFoundTitle: 'Страница не найдена',
    notFoundBody: 'Такой статьи нет или она больше не опубликована.',
    backHome: 'В центр помощи',
    tooManyTitle: 'Слишком много запросов',
    tooManyBody: 'Подождите минуту и попробуйте снова.',
    languageLabel: 'Язык',
  },
  bg: {
    languageName: 'Български',
    helpCentre: 'Център за помощ',
    searchLabel: 'Търсене в центъра за помощ',
    searchPlaceholder: 'С какво можем да помогнем?',
    searchButton: 'Търсене',
    resultsFor: (q) => `Резултати за „${q}“`,
    noResults: 'Няма намерени статии. Опитайте с други думи или ни пишете в чата.',
    noArticles: 'Все още няма статии.',
    otherArticles: 'Други статии',
    updated: 'Обновено',
    alsoIn: 'Други езици',
    wasHelpful: 'Полезна ли беше статията?',
    yes: 'Да',
    no: 'Не',
    thanks: 'Благодарим за отзива!',
    notFoundTitle: 'Страницата не е намерена',
    notFoundBody: 'Тази статия не съществува или вече не е публикувана.',
    backHome: 'Към центъра за помощ',
    tooManyTitle: 'Твърде много заявки',
    tooManyBody: 'Изчакайте минута и опитайте отново.',
    languageLabel: 'Език',
  },
  ar: {
    languageName: 'العربية',
    helpCentre: 'مركز المساعدة',
    searchLabel: 'ابحث في مركز المساعدة',
    searchPlaceholder: 'كيف يمكننا مساعدتك؟',
    searchButton: 'بحث',
    resultsFor: (q) => `نتائج البحث عن «${q}»`,
    noResults: 'لا توجد مقالات مطابقة. جرّب كلمات أخرى أو راسلنا في الدردشة.',
    noArticles: 'لا توجد مقالات بعد.',
    otherArticles: 'مقالات أخرى',
    updated: 'آخر تحديث',
    alsoIn: 'متوفر أيضًا بـ',
    wasHelpful: 'هل كانت هذه المقالة مفيدة؟',
    yes: 'نعم',
    no: 'لا',
    thanks: 'شكرًا على ملاحظاتك!',
    notFoundTitle: 'الصفحة غير موجودة',
    notFoundBody: 'هذه المقالة غير موجودة أو لم تعد منشورة.',
    backHome: 'العودة إلى مركز المساعدة',
    tooManyTitle: 'طلبات كثيرة جدًا',
    tooManyBody: 'يُرجى الانتظار دقيقة ثم المحاولة مجددًا.',
    languageLabel: 'اللغة',
  },
};
