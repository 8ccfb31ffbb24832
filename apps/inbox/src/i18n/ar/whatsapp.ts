import type { ArabicCatalog } from '../catalog';

/** Arabic for en-whatsapp.ts: Twilio senders, the 24-hour reply window and templates. */
export const arWhatsapp = {
  'settings.kind.twilio': 'WhatsApp / SMS (Twilio)',
  'settings.section.twilio': 'حساب Twilio',
  'settings.field.account_sid': 'معرّف الحساب (Account SID)',
  'settings.field.account_sid_hint':
    'في الصفحة الرئيسية لوحدة تحكم Twilio، ضمن Account Info (يبدأ بـ AC).',
  'settings.field.sender': 'المُرسِل',
  'settings.field.sender_hint':
    'whatsapp:+14155238886 لمُرسِل WhatsApp (أو بيئة Twilio التجريبية)، و+14155550100 لرقم SMS.',
  'settings.field.auth_token': 'رمز المصادقة',
  'settings.twilio.token_hint': 'بجانب Account SID في وحدة تحكم Twilio (32 حرفًا).',
  'settings.twilio.console_link': 'فتح وحدة تحكم Twilio',
  'settings.twilio.title': 'المُرسِل المتصل',
  'settings.twilio.account': 'حساب Twilio',
  'settings.twilio.sender': 'المُرسِل',
  'settings.twilio.channel': 'القناة',
  'settings.twilio.channel.whatsapp': 'WhatsApp',
  'settings.twilio.channel.sms': 'SMS',
  'settings.twilio.not_connected': 'لم يُوصَل أي حساب Twilio بعد.',
  'settings.twilio.paste_hint':
    'الصقه في وحدة تحكم Twilio: «A message comes in» (HTTP POST) ← رابط الرسائل الواردة. يُضبط رابط استدعاء الحالة تلقائيًا مع كل إرسال.',
  'settings.twilio.webhook_url': 'رابط الرسائل الواردة',
  'settings.twilio.status_url': 'رابط استدعاء الحالة',
  'settings.twilio.window_title': 'قاعدة الـ{hours} ساعة',
  'settings.twilio.window_rule':
    'يتيح WhatsApp الرد بحرية خلال {hours} ساعة من آخر رسالة للعميل. بعد ذلك لا يمكن إرسال إلا القوالب المعتمدة (Content Template Builder في Twilio) حتى يكتب العميل مجددًا. تعرض كل محادثة المدة المتبقية لنافذتها.',
  'settings.copy': 'نسخ',
  'settings.copy_label': 'نسخ {name}',
  'settings.copied': 'تم النسخ',

  'reply_window.left_hours_minutes': 'نافذة الرد: تبقّى {hours} س {minutes} د',
  'reply_window.left_hours': 'نافذة الرد: تبقّى {hours} س',
  'reply_window.left_minutes': 'نافذة الرد: تبقّى {minutes} د',
  'reply_window.closed': 'أُغلقت نافذة الرد',
  'reply_window.closes_at': 'يمكن الرد بحرية حتى {time}',
  'reply_window.closed_hint': 'لا يمكن إرسال إلا القوالب المعتمدة حتى يكتب العميل مجددًا',
  'reply_window.reopened': 'نافذة الرد مفتوحة مجددًا',
  'reply_window.closed_announcement':
    'أُغلقت نافذة الرد. لا يمكن إرسال إلا القوالب المعتمدة حتى يكتب العميل مجددًا.',

  'composer.window_closed_notice':
    'لا يسمح WhatsApp بالرد الحر إلا خلال 24 ساعة من آخر رسالة للعميل. أرسل قالبًا معتمدًا:',
  'composer.templates.legend': 'القالب',
  'composer.templates.loading': 'جارٍ تحميل القوالب…',
  'composer.templates.error': 'تعذّر تحميل القوالب: {message}',
  'composer.templates.retry': 'إعادة المحاولة',
  'composer.templates.empty':
    'لا قوالب في صندوق الوارد هذا بعد. أنشئ قالبًا في Content Template Builder في Twilio وقدّمه لاعتماد WhatsApp.',
  'composer.templates.approval.approved': 'معتمد',
  'composer.templates.approval.pending': 'بانتظار الاعتماد',
  'composer.templates.approval.rejected': 'مرفوض',
  'composer.templates.approval.unsubmitted': 'لم يُقدَّم للاعتماد',
  'composer.templates.variable': 'قيمة {{{name}}}',
  'composer.templates.preview': 'معاينة',
  'composer.templates.fill_all': 'املأ كل القيم للإرسال',
  'composer.templates.send': 'إرسال القالب',

  'conversation.template_badge': 'قالب',
  'conversation.template_badge_title': 'أُرسلت كقالب معتمد',
} satisfies Partial<ArabicCatalog>;
