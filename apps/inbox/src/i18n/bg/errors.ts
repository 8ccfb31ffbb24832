import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-errors.ts: failures the inbox names itself. */
export const bgErrors = {
  'errors.network': 'Няма връзка със сървъра',
  'errors.request_failed': 'Сървърът не можа да отговори (HTTP {status})',
  'errors.upload_failed': 'Качването на файла не успя (HTTP {status})',
} satisfies Partial<BulgarianCatalog>;
