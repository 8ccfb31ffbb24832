import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-email-replies.ts: Reply / Reply all, Cc and Bcc, signatures. */
export const bgEmailReplies = {
  'email_reply.choice': 'Отговор до',
  'email_reply.reply': 'Отговори',
  'email_reply.reply_all': 'Отговори на всички ({count})',
  'email_reply.to': 'До',
  'email_reply.cc': 'Копие',
  'email_reply.bcc': 'Скрито копие',
  'email_reply.add_bcc': 'Добави скрито копие',
  'email_reply.copies_hint': 'Адреси, разделени със запетаи',
  'email_reply.invalid': 'Не е имейл адрес: {list}',
  'email_reply.too_many': 'Най-много {max} адреса в Копие и {max} в Скрито копие',
  'email_reply.signature_note':
    'Към имейла се добавят подписът ви и съобщението, на което отговаряте:',
  'email_reply.no_signature': 'Не се добавя подпис. Задайте своя в профила си.',
  'email_reply.context_failed': 'Получателите не можаха да се заредят: {message}',
  'email_reply.recipients.to': 'До:',
  'email_reply.recipients.cc': 'Копие:',
  'email_reply.recipients.bcc': 'Скрито копие:',
  'profile.signature': 'Подпис в имейлите',
  'profile.signature_hint':
    'Добавя се под отговорите ви по имейл. Полета за попълване: {{operator.name}}, {{operator.email}}, {{inbox.name}}, {{inbox.address}}.',
  'settings.field.signature': 'Подпис',
  'settings.field.signature_hint':
    'Под всеки отговор от тази кутия. Полета за попълване: {{operator.name}}, {{operator.email}}, {{inbox.name}}, {{inbox.address}}; {{operator.signature}} вмъква личния подпис на оператора (иначе той е пръв).',
} satisfies Partial<BulgarianCatalog>;
