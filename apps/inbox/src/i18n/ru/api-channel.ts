import type { RussianCatalog } from '../catalog';

/** Russian for en-api-channel.ts: the API channel's inbound webhook URL. */
export const ruApiChannel = {
  'settings.api.title': 'Приём сообщений',
  'settings.api.inbound_url': 'URL входящего вебхука',
  'settings.api.hint':
    'Ваша система отправляет сообщения клиентов на этот URL в формате JSON, подписывая их секретом подписи этого ящика в заголовках X-Switchboard-Timestamp и X-Switchboard-Signature.',
  'settings.api.docs_link': 'Справочник API и пример подписи',
} satisfies Partial<RussianCatalog>;
