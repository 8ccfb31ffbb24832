import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-whatsapp.ts: Twilio senders, the 24-hour window and templates. */
export const bgWhatsapp = {
  'settings.kind.twilio': 'WhatsApp / SMS (Twilio)',
  'settings.section.twilio': 'Акаунт в Twilio',
  'settings.field.account_sid': 'Идентификатор на акаунта (Account SID)',
  'settings.field.account_sid_hint':
    'На началната страница на конзолата на Twilio, в Account Info (започва с AC).',
  'settings.field.sender': 'Подател',
  'settings.field.sender_hint':
    'whatsapp:+14155238886 за подател в WhatsApp (или пясъчника на Twilio), +14155550100 за SMS номер.',
  'settings.field.auth_token': 'Токен за удостоверяване (Auth token)',
  'settings.twilio.token_hint': 'До Account SID в конзолата на Twilio (32 знака).',
  'settings.twilio.console_link': 'Отвори конзолата на Twilio',
  'settings.twilio.title': 'Свързан подател',
  'settings.twilio.account': 'Акаунт в Twilio',
  'settings.twilio.sender': 'Подател',
  'settings.twilio.channel': 'Канал',
  'settings.twilio.channel.whatsapp': 'WhatsApp',
  'settings.twilio.channel.sms': 'SMS',
  'settings.twilio.not_connected': 'Още няма свързан акаунт в Twilio.',
  'settings.twilio.paste_hint':
    'Поставете в конзолата на Twilio: „A message comes in“ (HTTP POST) → URL за входящи съобщения. Адресът за статуси се задава автоматично при всяко изпращане.',
  'settings.twilio.webhook_url': 'URL за входящи съобщения',
  'settings.twilio.status_url': 'URL за статуси (status callback)',
  'settings.twilio.window_title': 'Правилото на {hours}-те часа',
  'settings.twilio.window_rule':
    'WhatsApp позволява свободни отговори {hours} часа след последното съобщение на клиента. След това могат да се изпращат само одобрени шаблони (Content Template Builder на Twilio), докато клиентът не пише отново. Всеки разговор показва колко време остава прозорецът му отворен.',
  'settings.copy': 'Копирай',
  'settings.copy_label': 'Копирай {name}',
  'settings.copied': 'Копирано',

  'reply_window.left_hours_minutes': 'Прозорец за отговор: остават {hours} ч {minutes} мин',
  'reply_window.left_hours': 'Прозорец за отговор: остават {hours} ч',
  'reply_window.left_minutes': 'Прозорец за отговор: остават {minutes} мин',
  'reply_window.closed': 'Прозорецът за отговор е затворен',
  'reply_window.closes_at': 'Свободни отговори са възможни до {time}',
  'reply_window.closed_hint':
    'Докато клиентът не пише отново, могат да се изпращат само одобрени шаблони',
  'reply_window.reopened': 'Прозорецът за отговор е отворен отново',
  'reply_window.closed_announcement':
    'Прозорецът за отговор е затворен. Докато клиентът не пише отново, могат да се изпращат само одобрени шаблони.',

  'composer.window_closed_notice':
    'WhatsApp позволява свободни отговори само до 24 часа след последното съобщение на клиента. Изпратете одобрен шаблон:',
  'composer.templates.legend': 'Шаблон',
  'composer.templates.loading': 'Зареждане на шаблоните…',
  'composer.templates.error': 'Шаблоните не можаха да се заредят: {message}',
  'composer.templates.retry': 'Опитай отново',
  'composer.templates.empty':
    'Тази кутия още няма шаблони. Създайте шаблон в Content Template Builder на Twilio и го изпратете за одобрение от WhatsApp.',
  'composer.templates.approval.approved': 'Одобрен',
  'composer.templates.approval.pending': 'Чака одобрение',
  'composer.templates.approval.rejected': 'Отхвърлен',
  'composer.templates.approval.unsubmitted': 'Не е изпратен за одобрение',
  'composer.templates.variable': 'Стойност за {{{name}}}',
  'composer.templates.preview': 'Преглед',
  'composer.templates.fill_all': 'Попълнете всички стойности, за да изпратите',
  'composer.templates.send': 'Изпрати шаблона',

  'conversation.template_badge': 'Шаблон',
  'conversation.template_badge_title': 'Изпратено като одобрен шаблон',
} satisfies Partial<BulgarianCatalog>;
