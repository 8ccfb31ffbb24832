import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-help-centre.ts. */
export const bgHelpCentre = {
  'help_centre.branding.title': 'Център за помощ',
  'help_centre.branding.hint':
    'Логото и цветът на публичния център за помощ (за целия акаунт), публикуван на',
  'help_centre.branding.logo': 'Адрес на логото (https)',
  'help_centre.branding.color': 'Фирмен цвят (#rrggbb)',
  'help_centre.branding.save': 'Запазване на оформлението',
  'help_centre.branding.saved': 'Оформлението на центъра за помощ е запазено.',
  'help_centre.branding.failed': 'Неуспешно запазване: {message}',
  'help_centre.viewed_before': 'Прочетено преди писането',
} satisfies Partial<BulgarianCatalog>;
