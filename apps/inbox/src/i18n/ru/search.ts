import type { RussianCatalog } from '../catalog';

/** Russian for en-search.ts: full-text search over conversations. */
export const ruSearch = {
  'feed.tab.all': 'Все',
  'feed.empty.all.title': 'Ничего не найдено',
  'feed.empty.all.body':
    'Ни один диалог ни в одном статусе не подходит. Попробуйте другую форму слова, меньше слов или более широкий период.',
  'search.dates.label': 'Последняя активность в период',
  'search.dates.from': 'С',
  'search.dates.to': 'По',
  'search.dates.clear': 'Любая дата',
  'search.match.label': 'Найденное сообщение от {time}',
  'search.error': 'Поиск не выполнен: {message}',
  'search.invalid.unbalanced_quote': 'Непарная кавычка: фраза, начатая с ", не закрыта',
  'search.invalid.too_many_words': 'Слишком много слов: в запросе не больше {max}',
  'search.invalid.too_many_phrases': 'Слишком много фраз: в запросе не больше {max}',
  'search.hint': 'Слова на любом языке, "точная фраза", #1042, #тег',
} satisfies Partial<RussianCatalog>;
