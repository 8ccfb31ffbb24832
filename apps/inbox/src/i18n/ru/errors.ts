import type { RussianCatalog } from '../catalog';

/** Russian for en-errors.ts: failures the inbox names itself. */
export const ruErrors = {
  'errors.network': 'Нет связи с сервером',
  'errors.request_failed': 'Сервер не смог ответить (HTTP {status})',
  'errors.upload_failed': 'Не удалось загрузить файл (HTTP {status})',
} satisfies Partial<RussianCatalog>;
