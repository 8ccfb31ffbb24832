import type { ArabicCatalog } from '../catalog';

/** Arabic for en-help-centre.ts. */
export const arHelpCentre = {
  'help_centre.branding.title': 'مركز المساعدة',
  'help_centre.branding.hint': 'شعار مركز المساعدة العام ولونه (للحساب كله)، المنشور على',
  'help_centre.branding.logo': 'عنوان الشعار (https)',
  'help_centre.branding.color': 'لون العلامة التجارية (#rrggbb)',
  'help_centre.branding.save': 'حفظ مظهر مركز المساعدة',
  'help_centre.branding.saved': 'تم حفظ مظهر مركز المساعدة.',
  'help_centre.branding.failed': 'تعذّر الحفظ: {message}',
  'help_centre.viewed_before': 'مقالات قرأها قبل الكتابة',
} satisfies Partial<ArabicCatalog>;
