import type { RussianCatalog } from '../catalog';

/** Russian for en-email-replies.ts: reply / reply all, Cc and Bcc, signatures. */
export const ruEmailReplies = {
  'email_reply.choice': 'Кому ответить',
  'email_reply.reply': 'Ответить',
  'email_reply.reply_all': 'Ответить всем ({count})',
  'email_reply.to': 'Кому',
  'email_reply.cc': 'Копия',
  'email_reply.bcc': 'Скрытая копия',
  'email_reply.add_bcc': 'Добавить скрытую копию',
  'email_reply.copies_hint': 'Адреса через запятую',
  'email_reply.invalid': 'Это не адреса эл. почты: {list}',
  'email_reply.too_many': 'Не больше {max} адресов в копии и {max} в скрытой копии',
  'email_reply.signature_note':
    'К письму добавляются ваша подпись и сообщение, на которое вы отвечаете:',
  'email_reply.no_signature': 'Подпись не добавляется. Задайте её в своём профиле.',
  'email_reply.context_failed': 'Не удалось загрузить получателей: {message}',
  'email_reply.recipients.to': 'Кому:',
  'email_reply.recipients.cc': 'Копия:',
  'email_reply.recipients.bcc': 'Скрытая копия:',
  'profile.signature': 'Подпись в письмах',
  'profile.signature_hint':
    'Добавляется под вашими ответами по эл. почте. Подстановки: {{operator.name}}, {{operator.email}}, {{inbox.name}}, {{inbox.address}}.',
  'settings.field.signature': 'Подпись',
  'settings.field.signature_hint':
    'Под каждым ответом из этого канала. Подстановки: {{operator.name}}, {{operator.email}}, {{inbox.name}}, {{inbox.address}}; {{operator.signature}} вставляет личную подпись оператора (иначе она идёт первой).',
} satisfies Partial<RussianCatalog>;
