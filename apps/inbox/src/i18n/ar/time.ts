import type { ArabicCatalog } from '../catalog';

/** Arabic for en-time.ts: snooze presets and the operator's timezone. */
export const arTime = {
  'snooze.later_today': 'لاحقًا اليوم',
  'profile.timezone_browser': 'مثل هذا المتصفح: {zone}',
  'profile.timezone_hint': 'تُعرض كل التواريخ والأوقات وخيارات التأجيل بحسب هذه الساعة.',
} satisfies Partial<ArabicCatalog>;
