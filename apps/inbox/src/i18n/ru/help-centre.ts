import type { RussianCatalog } from '../catalog';

/** Russian for en-help-centre.ts. */
export const ruHelpCentre = {
  'help_centre.branding.title': 'Центр помощи',
  'help_centre.branding.hint':
    'Логотип и цвет публичного центра помощи (для всей учётной записи), опубликованного по адресу',
  'help_centre.branding.logo': 'Адрес логотипа (https)',
  'help_centre.branding.color': 'Фирменный цвет (#rrggbb)',
  'help_centre.branding.save': 'Сохранить оформление',
  'help_centre.branding.saved': 'Оформление центра помощи сохранено.',
  'help_centre.branding.failed': 'Не удалось сохранить: {message}',
  'help_centre.viewed_before': 'Прочитано до обращения',
} satisfies Partial<RussianCatalog>;
