import type { ArabicCatalog } from '../catalog';

/** Arabic for en-csat.ts: the satisfaction survey settings and ratings. */
export const arCsat = {
  'activity.csat_answered': 'قيّم العميل بـ {rating}/{max}',
  'activity.csat_answered_comment': 'قيّم العميل بـ {rating}/{max} · «{comment}»',
  'csat.settings.title': 'استبيان الرضا',
  'csat.settings.hint': 'بعد إغلاق المحادثة، يُسأل العميل مرة واحدة عبر قناته عن تجربته.',
  'csat.settings.enabled': 'سؤال العملاء بعد إغلاق المحادثة',
  'csat.settings.delay': 'المهلة بعد الإغلاق (بالدقائق، 0–1440)',
  'csat.settings.question': 'السؤال',
  'csat.settings.scale': 'المقياس',
  'csat.settings.scale_csat': 'CSAT: من 1 (سيئ) إلى 5 (ممتاز)',
  'csat.settings.scale_nps': 'NPS: من 0 إلى 10، مدى احتمال أن يوصي بنا',
  'csat.settings.comment': 'السماح للعميل بإضافة تعليق (حتى {max} حرف)',
  'csat.settings.quiet_days': 'عدم سؤال العميل نفسه مجددًا خلال (أيام)',
  'csat.settings.save': 'حفظ إعدادات الاستبيان',
  'csat.settings.saving': 'جارٍ الحفظ…',
  'csat.settings.saved': 'تم حفظ إعدادات الاستبيان.',
  'csat.settings.failed': 'تعذّر الحفظ: {message}',
  'csat.settings.load_error': 'تعذّر تحميل إعدادات الاستبيان: {message}',
  'csat.settings.whole_numbers': 'يجب أن تكون المهلة وفترة الهدوء أعدادًا صحيحة.',
  'csat.badge.csat': '★ {rating}/5',
  'csat.badge.nps': 'NPS {rating}',
  'csat.badge.title': 'تقييم العميل: {rating}',
  'csat.badge.title_comment': 'تقييم العميل: {rating} · «{comment}»',
  'audit.action.csat.settings_changed': 'غيّر استبيان الرضا لصندوق وارد',
} satisfies Partial<ArabicCatalog>;
