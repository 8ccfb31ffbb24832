import type { RussianCatalog } from '../catalog';

/** Russian for en-undo-send.ts. */
export const ruUndoSend = {
  'undo_send.toast_one': 'Ответ уйдёт через {count} секунду',
  'undo_send.toast_few': 'Ответ уйдёт через {count} секунды',
  'undo_send.toast_many': 'Ответ уйдёт через {count} секунд',
  'undo_send.toast_other': 'Ответ уйдёт через {count} секунды',
  'undo_send.sending_in_one': 'Отправка через {count} с',
  'undo_send.sending_in_few': 'Отправка через {count} с',
  'undo_send.sending_in_many': 'Отправка через {count} с',
  'undo_send.sending_in_other': 'Отправка через {count} с',
  'undo_send.sending': 'Отправляется…',
  'undo_send.undo': 'Отменить',
  'undo_send.undo_label': 'Отменить отправку этого ответа',
  'undo_send.undone': 'Ответ не отправлен: он снова в редакторе',
  'undo_send.already_sent': 'Уже отправлено: отменить было поздно',
  'undo_send.failed': 'Не удалось отменить: {message}',
  'profile.undo_send': 'Отмена отправки',
  'profile.undo_send.off': 'Выключена: ответы уходят сразу',
  'profile.undo_send.seconds_one': '{count} секунда',
  'profile.undo_send.seconds_few': '{count} секунды',
  'profile.undo_send.seconds_many': '{count} секунд',
  'profile.undo_send.seconds_other': '{count} секунды',
  'profile.undo_send.hint': 'Ответ ждёт столько перед отправкой, чтобы его можно было отменить.',
} satisfies Partial<RussianCatalog>;
