import type { ArabicCatalog } from '../catalog';

/** Arabic for en-widget-settings.ts: the pre-chat form, the visitor's page, hours in the header. */
export const arWidgetSettings = {
  'prechat.title': 'نموذج ما قبل المحادثة',
  'prechat.hint':
    'يُطرح في أداة الدردشة قبل أول رسالة من الزائر. يملأ الاسم والبريد الإلكتروني بطاقة جهة الاتصال، وتُحفظ الإجابات الأخرى كسمات لجهة الاتصال تحت مفتاحها (أضف السمة في «سمات جهات الاتصال» لتظهر في البطاقة).',
  'prechat.empty': 'لا توجد أسئلة: يمكن للزوار الكتابة مباشرة.',
  'prechat.row': 'السؤال {number}',
  'prechat.type': 'يسأل عن',
  'prechat.type.name': 'الاسم',
  'prechat.type.email': 'البريد الإلكتروني',
  'prechat.type.text': 'أخرى (سمة جهة اتصال)',
  'prechat.label': 'نص السؤال',
  'prechat.key': 'مفتاح السمة',
  'prechat.required': 'إلزامي',
  'prechat.remove': 'إزالة السؤال {number}',
  'prechat.add': 'إضافة سؤال',
  'prechat.save': 'حفظ نموذج ما قبل المحادثة',
  'prechat.saved': 'تم حفظ النموذج',
  'prechat.failed': 'لم يُحفظ: {message}',
  'webchat.source.label': 'الصفحة التي كتب منها الزائر',
  'webchat.source.page': 'الصفحة',
  'webchat.source.referrer': 'قادم من',
  'business_hours.outside': 'خارج ساعات العمل، نفتح {time}',
  'business_hours.outside_closed': 'خارج ساعات العمل',
} satisfies Partial<ArabicCatalog>;
