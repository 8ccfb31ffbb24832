import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-undo-send.ts. */
export const bgUndoSend = {
  'undo_send.toast_one': 'Отговорът тръгва след {count} секунда',
  'undo_send.toast_other': 'Отговорът тръгва след {count} секунди',
  'undo_send.sending_in_one': 'Изпращане след {count} с',
  'undo_send.sending_in_other': 'Изпращане след {count} с',
  'undo_send.sending': 'Изпраща се…',
  'undo_send.undo': 'Отмени',
  'undo_send.undo_label': 'Отмени изпращането на този отговор',
  'undo_send.undone': 'Отговорът не е изпратен: върнат е в полето за писане',
  'undo_send.already_sent': 'Вече е изпратен: твърде късно за отмяна',
  'undo_send.failed': 'Отмяната не успя: {message}',
  'profile.undo_send': 'Отмяна на изпращането',
  'profile.undo_send.off': 'Изключено: отговорите тръгват веднага',
  'profile.undo_send.seconds_one': '{count} секунда',
  'profile.undo_send.seconds_other': '{count} секунди',
  'profile.undo_send.hint':
    'Отговорите чакат толкова, преди да тръгнат, за да можете да ги отмените.',
} satisfies Partial<BulgarianCatalog>;
