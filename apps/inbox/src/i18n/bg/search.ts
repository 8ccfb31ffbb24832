import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-search.ts: search over all history. */
export const bgSearch = {
  'feed.tab.all': 'Всички',
  'feed.empty.all.title': 'Нищо не е намерено',
  'feed.empty.all.body':
    'Няма разговор с какъвто и да е статус, който да съвпада. Опитайте друга форма на думата, по-малко думи или по-широк период.',
  'search.dates.label': 'Последна активност между',
  'search.dates.from': 'От',
  'search.dates.to': 'До',
  'search.dates.clear': 'Всяка дата',
  'search.match.label': 'Съвпадащо съобщение от {time}',
  'search.error': 'Търсенето не можа да се изпълни: {message}',
  'search.invalid.unbalanced_quote': 'Незатворени кавички: фраза, започната с ", не е затворена',
  'search.invalid.too_many_words': 'Твърде много думи: търсенето съдържа най-много {max}',
  'search.invalid.too_many_phrases': 'Твърде много фрази: търсенето съдържа най-много {max}',
  'search.hint': 'Думи на всеки език, "точна фраза", #1042, #етикет',
} satisfies Partial<BulgarianCatalog>;
