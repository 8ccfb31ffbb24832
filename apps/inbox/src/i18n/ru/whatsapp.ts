import type { RussianCatalog } from '../catalog';

/** Russian for en-whatsapp.ts: Twilio settings, the 24-hour reply window and templates. */
export const ruWhatsapp = {
  'settings.kind.twilio': 'WhatsApp / SMS (Twilio)',
  'settings.section.twilio': 'Аккаунт Twilio',
  'settings.field.account_sid': 'SID аккаунта (Account SID)',
  'settings.field.account_sid_hint':
    'На главной странице консоли Twilio, в разделе Account Info (начинается с AC).',
  'settings.field.sender': 'Отправитель',
  'settings.field.sender_hint':
    'whatsapp:+14155238886 для отправителя WhatsApp (или песочницы Twilio), +14155550100 для номера SMS.',
  'settings.field.auth_token': 'Токен авторизации (Auth token)',
  'settings.twilio.token_hint': 'Рядом с Account SID в консоли Twilio (32 символа).',
  'settings.twilio.console_link': 'Открыть консоль Twilio',
  'settings.twilio.title': 'Подключённый отправитель',
  'settings.twilio.account': 'Аккаунт Twilio',
  'settings.twilio.sender': 'Отправитель',
  'settings.twilio.channel': 'Тип канала',
  'settings.twilio.channel.whatsapp': 'WhatsApp',
  'settings.twilio.channel.sms': 'SMS',
  'settings.twilio.not_connected': 'Аккаунт Twilio пока не подключён.',
  'settings.twilio.paste_hint':
    'Вставьте в консоли Twilio: «A message comes in» (HTTP POST) → URL входящих сообщений. Адрес для статусов задаётся автоматически при каждой отправке.',
  'settings.twilio.webhook_url': 'URL входящих сообщений',
  'settings.twilio.status_url': 'URL для статусов доставки',
  'settings.twilio.window_title': 'Правило {hours} часов',
  'settings.twilio.window_rule':
    'WhatsApp позволяет свободно отвечать в течение {hours} ч после последнего сообщения клиента. Затем можно отправлять только одобренные шаблоны (Content Template Builder в Twilio), пока клиент не напишет снова. В каждом диалоге видно, сколько ещё открыто окно.',
  'settings.copy': 'Скопировать',
  'settings.copy_label': 'Скопировать: {name}',
  'settings.copied': 'Скопировано',

  'reply_window.left_hours_minutes': 'Окно ответа: осталось {hours} ч {minutes} мин',
  'reply_window.left_hours': 'Окно ответа: осталось {hours} ч',
  'reply_window.left_minutes': 'Окно ответа: осталось {minutes} мин',
  'reply_window.closed': 'Окно ответа закрыто',
  'reply_window.closes_at': 'Свободные ответы возможны до {time}',
  'reply_window.closed_hint':
    'Пока клиент не напишет снова, можно отправлять только одобренные шаблоны',
  'reply_window.reopened': 'Окно ответа снова открыто',
  'reply_window.closed_announcement':
    'Окно ответа закрыто. Пока клиент не напишет снова, можно отправлять только одобренные шаблоны.',

  'composer.window_closed_notice':
    'WhatsApp разрешает свободные ответы только в течение 24 часов после последнего сообщения клиента. Отправьте одобренный шаблон:',
  'composer.templates.legend': 'Шаблон',
  'composer.templates.loading': 'Загрузка шаблонов…',
  'composer.templates.error': 'Не удалось загрузить шаблоны: {message}',
  'composer.templates.retry': 'Повторить',
  'composer.templates.empty':
    'У этого канала пока нет шаблонов. Создайте шаблон в Content Template Builder в Twilio и отправьте его на одобрение WhatsApp.',
  'composer.templates.approval.approved': 'Одобрен',
  'composer.templates.approval.pending': 'Ждёт одобрения',
  'composer.templates.approval.rejected': 'Отклонён',
  'composer.templates.approval.unsubmitted': 'Не отправлен на одобрение',
  'composer.templates.variable': 'Значение для {{{name}}}',
  'composer.templates.preview': 'Предпросмотр',
  'composer.templates.fill_all': 'Заполните все значения, чтобы отправить',
  'composer.templates.send': 'Отправить шаблон',

  'conversation.template_badge': 'Шаблон',
  'conversation.template_badge_title': 'Отправлено как одобренный шаблон',
} satisfies Partial<RussianCatalog>;
