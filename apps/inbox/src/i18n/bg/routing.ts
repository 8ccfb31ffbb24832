import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-routing.ts: fair routing, the queue and operators' load. */
export const bgRouting = {
  'routing.title': 'Разпределение',
  'routing.round_robin':
    'Поред (round-robin): новите разговори се разпределят между членовете на линия',
  'routing.max_open': 'Най-много отворени разговори на член',
  'routing.hand_back_on_away': 'При отсъствие неотговорените разговори се връщат',
  'routing.save': 'Запази разпределението',
  'routing.saved': 'Разпределението е запазено',
  'routing.failed': 'Разпределението не е запазено: {message}',
  'routing.queue.title': 'Опашка',
  'routing.queue.hint': 'Разговори, които чакат свободен член на екипа, първо най-старите.',
  'routing.queue.empty': 'Никой не чака.',
  'routing.queue.position': '{position}.',
  'routing.queue.waiting': 'чака {duration}',
  'routing.queue.failed': 'Опашката не можа да се зареди: {message}',
  'routing.load.title': 'На линия сега',
  'routing.load.hint': 'Отворени разговори, възложени на всеки оператор, и максимумът му.',
  'routing.load.available': 'свободен',
  'routing.load.away': 'отсъства',
  'routing.load.offline': 'не е свързан',
  'routing.load.of': '{open} / {max}',
  'routing.hand_back': 'Върни опашката ми',
  'routing.hand_back.confirm':
    'Да се върнат ли неотговорените ви разговори в опашките на екипите ви и да преминете в отсъствие?',
  'routing.hand_back.done_one': 'Върнат е {count} разговор; вече отсъствате',
  'routing.hand_back.done_other': 'Върнати са {count} разговора; вече отсъствате',
  'routing.hand_back.failed': 'Връщането не бе успешно: {message}',
} satisfies Partial<BulgarianCatalog>;
