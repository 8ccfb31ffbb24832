import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-api-channel.ts: the API channel's inbound webhook URL. */
export const bgApiChannel = {
  'settings.api.title': 'Получаване на съобщения',
  'settings.api.inbound_url': 'URL на входящия webhook',
  'settings.api.hint':
    'Вашата система изпраща съобщенията на клиентите към този URL като JSON, подписани с ключа за подписване на тази кутия в заглавките X-Switchboard-Timestamp и X-Switchboard-Signature.',
  'settings.api.docs_link': 'Справочник за API и пример за подпис',
} satisfies Partial<BulgarianCatalog>;
