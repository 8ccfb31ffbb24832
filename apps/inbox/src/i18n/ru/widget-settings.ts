import type { RussianCatalog } from '../catalog';

/** Russian for en-widget-settings.ts: the pre-chat form, the visitor's page, hours in the header. */
export const ruWidgetSettings = {
  'prechat.title': 'Анкета перед чатом',
  'prechat.hint':
    'Задаётся в виджете чата до первого сообщения посетителя. Имя и почта попадают в карточку контакта; остальные ответы сохраняются как атрибуты контакта под своим ключом (добавьте атрибут в разделе «Атрибуты контактов», чтобы видеть его в карточке).',
  'prechat.empty': 'Вопросов нет: посетители могут писать сразу.',
  'prechat.row': 'Вопрос {number}',
  'prechat.type': 'Что спрашиваем',
  'prechat.type.name': 'Имя',
  'prechat.type.email': 'Почта',
  'prechat.type.text': 'Другое (атрибут контакта)',
  'prechat.label': 'Текст вопроса',
  'prechat.key': 'Ключ атрибута',
  'prechat.required': 'Обязательно',
  'prechat.remove': 'Удалить вопрос {number}',
  'prechat.add': 'Добавить вопрос',
  'prechat.save': 'Сохранить анкету',
  'prechat.saved': 'Анкета сохранена',
  'prechat.failed': 'Не сохранено: {message}',
  'webchat.source.label': 'Откуда писал посетитель',
  'webchat.source.page': 'Страница',
  'webchat.source.referrer': 'Пришёл с',
  'business_hours.outside': 'Нерабочее время, откроемся {time}',
  'business_hours.outside_closed': 'Нерабочее время',
} satisfies Partial<RussianCatalog>;
