import type { ArabicCatalog } from '../catalog';

/** Arabic for en-email-replies.ts: recipients, Cc/Bcc and signatures of email replies. */
export const arEmailReplies = {
  'email_reply.choice': 'الرد على',
  'email_reply.reply': 'رد',
  'email_reply.reply_all': 'رد على الكل ({count})',
  'email_reply.to': 'إلى',
  'email_reply.cc': 'نسخة',
  'email_reply.bcc': 'نسخة مخفية',
  'email_reply.add_bcc': 'إضافة نسخة مخفية',
  'email_reply.copies_hint': 'عناوين مفصولة بفواصل',
  'email_reply.invalid': 'ليس عنوان بريد إلكتروني: {list}',
  'email_reply.too_many': '{max} عنوانًا على الأكثر في النسخة و{max} في النسخة المخفية',
  'email_reply.signature_note': 'يُضاف توقيعك والرسالة التي ترد عليها إلى البريد:',
  'email_reply.no_signature': 'لن يُضاف توقيع. اضبط توقيعك في ملفك الشخصي.',
  'email_reply.context_failed': 'تعذّر تحميل المستلمين: {message}',
  'email_reply.recipients.to': 'إلى:',
  'email_reply.recipients.cc': 'نسخة:',
  'email_reply.recipients.bcc': 'نسخة مخفية:',
  'profile.signature': 'توقيع البريد الإلكتروني',
  'profile.signature_hint':
    'يُضاف أسفل ردودك بالبريد. العناصر النائبة: {{operator.name}}، {{operator.email}}، {{inbox.name}}، {{inbox.address}}.',
  'settings.field.signature': 'التوقيع',
  'settings.field.signature_hint':
    'أسفل كل رد من صندوق الوارد هذا. العناصر النائبة: {{operator.name}}، {{operator.email}}، {{inbox.name}}، {{inbox.address}}؛ ويضع {{operator.signature}} توقيع الموظف نفسه (وإلا فإنه يأتي أولًا).',
} satisfies Partial<ArabicCatalog>;
