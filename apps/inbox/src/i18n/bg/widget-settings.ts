import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-widget-settings.ts: the pre-chat form, the visitor's page, hours in the header. */
export const bgWidgetSettings = {
  'prechat.title': 'Въпроси преди чата',
  'prechat.hint':
    'Задават се в чат уиджета преди първото съобщение на посетителя. Името и имейлът попълват картата на контакта; другите отговори се пазят като атрибути на контакта под своя ключ (добавете атрибута в „Атрибути на контактите“, за да го виждате в картата).',
  'prechat.empty': 'Няма въпроси: посетителите могат да пишат веднага.',
  'prechat.row': 'Въпрос {number}',
  'prechat.type': 'Пита за',
  'prechat.type.name': 'Име',
  'prechat.type.email': 'Имейл',
  'prechat.type.text': 'Друго (атрибут на контакт)',
  'prechat.label': 'Текст на въпроса',
  'prechat.key': 'Ключ на атрибута',
  'prechat.required': 'Задължително',
  'prechat.remove': 'Премахни въпрос {number}',
  'prechat.add': 'Добави въпрос',
  'prechat.save': 'Запази въпросите',
  'prechat.saved': 'Въпросите са запазени',
  'prechat.failed': 'Не е запазено: {message}',
  'webchat.source.label': 'Откъде е писал посетителят',
  'webchat.source.page': 'Страница',
  'webchat.source.referrer': 'Дошъл от',
  'business_hours.outside': 'Извън работно време, отваряме {time}',
  'business_hours.outside_closed': 'Извън работно време',
} satisfies Partial<BulgarianCatalog>;
