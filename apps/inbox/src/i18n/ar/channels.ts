import type { ArabicCatalog } from '../catalog';

/** Arabic for en-channels.ts: bots, replies to a message, edits, pending files, unreachable customers. */
export const arChannels = {
  'settings.section.bot': 'البوت',
  'settings.field.bot_token': 'رمز البوت',
  'settings.telegram.token_hint':
    'في Telegram، أرسل /newbot إلى @BotFather والصق الرمز الذي يرد به (مثل 123456789:AAH…).',
  'settings.telegram.botfather_link': 'فتح @BotFather',
  'settings.telegram.title': 'البوت المتصل',
  'settings.telegram.name': 'الاسم',
  'settings.telegram.username': 'اسم المستخدم',
  'settings.telegram.link': 'رابط للعملاء',
  'settings.telegram.delivery': 'تصل التحديثات عبر',
  'settings.telegram.delivery.webhook': 'خطاف ويب (Webhook)',
  'settings.telegram.delivery.polling': 'الاستطلاع الطويل (بلا رابط https عام)',
  'settings.telegram.not_connected': 'لم يُوصَل أي بوت بعد.',
  'settings.connection_error': 'لا تعمل القناة: {message}',
  'settings.remove.button': 'إزالة صندوق الوارد',
  'settings.remove.question': 'هل تريد إزالة «{name}»؟',
  'settings.remove.consequence': 'تبقى المحادثات؛ وتتوقف القناة عن الاستقبال.',
  'settings.remove.confirm': 'نعم، أزله',
  'settings.remove.cancel': 'إلغاء',
  'settings.remove.removing': 'جارٍ الإزالة…',
  'settings.remove.error': 'تعذّرت إزالة صندوق الوارد: {message}',
  'settings.remove.done': 'أُزيل صندوق الوارد «{name}»',
  'settings.remove.delete_history': 'احذف أيضًا محادثاته ورسائله وملفاته',
  'settings.remove.consequence_history':
    'تُحذف محادثاته ورسائله وملفاته نهائيًا؛ وتحتفظ التقارير بأرقامها. لا يمكن التراجع عن ذلك.',
  'settings.remove.type_name': 'اكتب «{name}» للتأكيد',
  'settings.remove.confirm_delete': 'إزالة وحذف كل شيء',
  'settings.remove.done_deleting': 'أُزيل صندوق الوارد «{name}»؛ ويجري حذف محادثاته',
  'settings.pause.title': 'الاستقبال',
  'settings.pause.running': 'تُجلب الرسائل الجديدة فور وصولها.',
  'settings.pause.paused':
    'متوقف مؤقتًا منذ {time}: لا يُجلب شيء. تنتظر الرسائل الجديدة لدى المزوّد وتصل عند الاستئناف.',
  'settings.pause.hint': 'تظل الردود على المحادثات القائمة تُرسَل أثناء الإيقاف المؤقت.',
  'settings.pause.button': 'إيقاف الاستقبال مؤقتًا',
  'settings.pause.resume': 'استئناف',
  'settings.pause.saving': 'جارٍ الحفظ…',
  'settings.pause.error': 'تعذّر التغيير: {message}',
  'settings.pause.badge': 'متوقف مؤقتًا',

  'conversation.reply_to': 'رد',
  'conversation.reply_to_label': 'الرد على هذه الرسالة من {name}',
  'conversation.in_reply_to': 'ردًا على',
  'conversation.reply_no_text': 'رسالة بلا نص',
  'conversation.edited': 'معدّلة',
  'conversation.edited_at': 'عُدّلت {time}',
  'conversation.unreachable': 'لا يمكن الوصول إلى العميل: {reason}',
  'conversation.unreachable_hint': 'ما زال بإمكانك الكتابة، لكن الرد سيفشل على الأرجح.',
  'conversation.identity.language': 'لغة التطبيق: {language}',

  'composer.replying_to': 'ردًا على:',
  'composer.replying_to_cancel': 'إلغاء الرد على هذه الرسالة (Esc)',

  'attachment.pending': 'جارٍ جلب الملف…',
  'attachment.unavailable': 'الملف غير متاح',

  'activity.customer_unreachable': 'لم يعد بالإمكان الوصول إلى العميل: {reason}',
  'activity.customer_reachable': 'أصبح الوصول إلى العميل ممكنًا مجددًا',
} satisfies Partial<ArabicCatalog>;
