import type { ArabicCatalog } from '../catalog';

/** Arabic for en-errors.ts: failures the inbox names itself. */
export const arErrors = {
  'errors.network': 'لا يوجد اتصال بالخادم',
  'errors.request_failed': 'تعذّر على الخادم الرد (HTTP {status})',
  'errors.upload_failed': 'تعذّر رفع الملف (HTTP {status})',
} satisfies Partial<ArabicCatalog>;
