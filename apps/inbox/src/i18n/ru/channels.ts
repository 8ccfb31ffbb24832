import type { RussianCatalog } from '../catalog';

/** Russian for en-channels.ts: Telegram bot, removing and pausing a channel, replies to a message. */
export const ruChannels = {
  'settings.section.bot': 'Бот',
  'settings.field.bot_token': 'Токен бота',
  'settings.telegram.token_hint':
    'В Telegram отправьте /newbot боту @BotFather и вставьте токен из его ответа (вида 123456789:AAH…).',
  'settings.telegram.botfather_link': 'Открыть @BotFather',
  'settings.telegram.title': 'Подключённый бот',
  'settings.telegram.name': 'Имя',
  'settings.telegram.username': 'Имя пользователя',
  'settings.telegram.link': 'Ссылка для клиентов',
  'settings.telegram.delivery': 'Способ получения обновлений',
  'settings.telegram.delivery.webhook': 'Вебхук',
  'settings.telegram.delivery.polling': 'Long polling (без публичного https-адреса)',
  'settings.telegram.not_connected': 'Бот пока не подключён.',
  'settings.connection_error': 'Канал не может работать: {message}',
  'settings.remove.button': 'Удалить канал',
  'settings.remove.question': 'Удалить «{name}»?',
  'settings.remove.consequence': 'Диалоги останутся; канал перестанет принимать сообщения.',
  'settings.remove.confirm': 'Да, удалить',
  'settings.remove.cancel': 'Отмена',
  'settings.remove.removing': 'Удаление…',
  'settings.remove.error': 'Не удалось удалить канал: {message}',
  'settings.remove.done': 'Канал «{name}» удалён',
  'settings.remove.delete_history': 'Удалить также его диалоги, сообщения и файлы',
  'settings.remove.consequence_history':
    'Диалоги, сообщения и файлы канала будут удалены навсегда; цифры в отчётах сохранятся. Это действие нельзя отменить.',
  'settings.remove.type_name': 'Введите «{name}» для подтверждения',
  'settings.remove.confirm_delete': 'Удалить всё',
  'settings.remove.done_deleting': 'Канал «{name}» удалён; его диалоги удаляются',
  'settings.pause.title': 'Приём сообщений',
  'settings.pause.running': 'Новые сообщения забираются по мере поступления.',
  'settings.pause.paused':
    'Приостановлено с {time}: ничего не забирается. Новые сообщения ждут у провайдера и придут после возобновления.',
  'settings.pause.hint': 'Ответы в существующие диалоги отправляются и во время паузы.',
  'settings.pause.button': 'Приостановить приём',
  'settings.pause.resume': 'Возобновить',
  'settings.pause.saving': 'Сохранение…',
  'settings.pause.error': 'Не удалось изменить: {message}',
  'settings.pause.badge': 'Приостановлен',

  'conversation.reply_to': 'Ответить',
  'conversation.reply_to_label': 'Ответить на это сообщение от {name}',
  'conversation.in_reply_to': 'В ответ на',
  'conversation.reply_no_text': 'Сообщение без текста',
  'conversation.edited': 'изменено',
  'conversation.edited_at': 'Изменено {time}',
  'conversation.unreachable': 'Клиент недоступен: {reason}',
  'conversation.unreachable_hint': 'Написать можно, но ответ, скорее всего, не дойдёт.',
  'conversation.identity.language': 'Язык приложения: {language}',

  'composer.replying_to': 'Ответ на:',
  'composer.replying_to_cancel': 'Отменить ответ на это сообщение (Esc)',

  'attachment.pending': 'Получаем файл…',
  'attachment.unavailable': 'Файл недоступен',

  'activity.customer_unreachable': 'Клиент больше недоступен: {reason}',
  'activity.customer_reachable': 'Клиент снова доступен',
} satisfies Partial<RussianCatalog>;
