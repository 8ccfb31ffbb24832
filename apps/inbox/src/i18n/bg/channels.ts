import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-channels.ts: Telegram bot, replies to a message, edits, paused inboxes. */
export const bgChannels = {
  'settings.section.bot': 'Бот',
  'settings.field.bot_token': 'Токен на бота',
  'settings.telegram.token_hint':
    'В Telegram изпратете /newbot на @BotFather и поставете токена от отговора му (напр. 123456789:AAH…).',
  'settings.telegram.botfather_link': 'Отвори @BotFather',
  'settings.telegram.title': 'Свързан бот',
  'settings.telegram.name': 'Име',
  'settings.telegram.username': 'Потребителско име',
  'settings.telegram.link': 'Линк за клиентите',
  'settings.telegram.delivery': 'Актуализациите пристигат чрез',
  'settings.telegram.delivery.webhook': 'Webhook',
  'settings.telegram.delivery.polling': 'Long polling (без публичен https URL)',
  'settings.telegram.not_connected': 'Още няма свързан бот.',
  'settings.connection_error': 'Каналът не може да работи: {message}',
  'settings.remove.button': 'Премахни кутията',
  'settings.remove.question': 'Да се премахне ли „{name}“?',
  'settings.remove.consequence': 'Разговорите остават; каналът спира да получава.',
  'settings.remove.confirm': 'Да, премахни я',
  'settings.remove.cancel': 'Отказ',
  'settings.remove.removing': 'Премахване…',
  'settings.remove.error': 'Кутията не можа да се премахне: {message}',
  'settings.remove.done': 'Кутията „{name}“ е премахната',
  'settings.remove.delete_history': 'Изтрий и разговорите, съобщенията и файловете ѝ',
  'settings.remove.consequence_history':
    'Разговорите, съобщенията и файловете ѝ се изтриват завинаги; отчетите запазват числата си. Това не може да се отмени.',
  'settings.remove.type_name': 'Въведете „{name}“ за потвърждение',
  'settings.remove.confirm_delete': 'Премахни и изтрий всичко',
  'settings.remove.done_deleting': 'Кутията „{name}“ е премахната; разговорите ѝ се изтриват',
  'settings.pause.title': 'Получаване',
  'settings.pause.running': 'Новите съобщения се изтеглят веднага щом пристигнат.',
  'settings.pause.paused':
    'На пауза от {time}: нищо не се изтегля. Новите съобщения чакат при доставчика и ще пристигнат, когато възобновите.',
  'settings.pause.hint': 'Отговорите в съществуващи разговори се изпращат и по време на пауза.',
  'settings.pause.button': 'Спри получаването',
  'settings.pause.resume': 'Възобнови',
  'settings.pause.saving': 'Запазване…',
  'settings.pause.error': 'Не можа да се промени: {message}',
  'settings.pause.badge': 'На пауза',

  'conversation.reply_to': 'Отговори',
  'conversation.reply_to_label': 'Отговори на това съобщение от {name}',
  'conversation.in_reply_to': 'В отговор на',
  'conversation.reply_no_text': 'Съобщение без текст',
  'conversation.edited': 'редактирано',
  'conversation.edited_at': 'Редактирано {time}',
  'conversation.unreachable': 'Клиентът не може да бъде достигнат: {reason}',
  'conversation.unreachable_hint':
    'Все пак можете да пишете, но отговорът вероятно няма да стигне.',
  'conversation.identity.language': 'Език на приложението: {language}',

  'composer.replying_to': 'Отговор на:',
  'composer.replying_to_cancel': 'Откажи отговора на това съобщение (Esc)',

  'attachment.pending': 'Изтегляне на файла…',
  'attachment.unavailable': 'Файлът не е достъпен',

  'activity.customer_unreachable': 'Клиентът вече не може да бъде достигнат: {reason}',
  'activity.customer_reachable': 'Клиентът отново може да бъде достигнат',
} satisfies Partial<BulgarianCatalog>;
