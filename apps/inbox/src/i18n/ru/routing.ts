import type { RussianCatalog } from '../catalog';

/** Russian for en-routing.ts: fair routing, the queue and operators' load. */
export const ruRouting = {
  'routing.title': 'Распределение',
  'routing.round_robin': 'По очереди: делить новые диалоги между участниками в сети',
  'routing.max_open': 'Максимум открытых диалогов на участника',
  'routing.hand_back_on_away': 'При уходе возвращать неотвеченные диалоги в очередь',
  'routing.save': 'Сохранить распределение',
  'routing.saved': 'Распределение сохранено',
  'routing.failed': 'Распределение не сохранено: {message}',
  'routing.queue.title': 'Очередь',
  'routing.queue.hint': 'Диалоги, ждущие свободного участника команды; сначала самые старые.',
  'routing.queue.empty': 'Никто не ждёт.',
  'routing.queue.position': '{position}.',
  'routing.queue.waiting': 'ждёт {duration}',
  'routing.queue.failed': 'Не удалось загрузить очередь: {message}',
  'routing.load.title': 'Сейчас в сети',
  'routing.load.hint': 'Открытые диалоги каждого оператора и их максимум.',
  'routing.load.available': 'доступен',
  'routing.load.away': 'нет на месте',
  'routing.load.offline': 'не подключён',
  'routing.load.of': '{open} / {max}',
  'routing.hand_back': 'Вернуть мою очередь',
  'routing.hand_back.confirm':
    'Вернуть ваши неотвеченные диалоги в очереди ваших команд и перейти в статус «Нет на месте»?',
  'routing.hand_back.done_one': 'Возвращён {count} диалог; ваш статус — «Нет на месте»',
  'routing.hand_back.done_few': 'Возвращено {count} диалога; ваш статус — «Нет на месте»',
  'routing.hand_back.done_many': 'Возвращено {count} диалогов; ваш статус — «Нет на месте»',
  'routing.hand_back.done_other': 'Возвращено {count} диалога; ваш статус — «Нет на месте»',
  'routing.hand_back.failed': 'Не удалось вернуть: {message}',
} satisfies Partial<RussianCatalog>;
