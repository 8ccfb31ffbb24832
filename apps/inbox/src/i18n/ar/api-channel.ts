import type { ArabicCatalog } from '../catalog';

/** Arabic for en-api-channel.ts: the API channel's inbound webhook URL. */
export const arApiChannel = {
  'settings.api.title': 'استقبال الرسائل',
  'settings.api.inbound_url': 'عنوان URL للويب هوك الوارد',
  'settings.api.hint':
    'يرسل نظامك رسائل العملاء إلى هذا العنوان بصيغة JSON، موقّعة بسر التوقيع الخاص بصندوق الوارد هذا في الترويستين X-Switchboard-Timestamp و X-Switchboard-Signature.',
  'settings.api.docs_link': 'مرجع واجهة API ووصفة التوقيع',
} satisfies Partial<ArabicCatalog>;
