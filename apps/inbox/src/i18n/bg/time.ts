import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-time.ts: snooze presets and the operator's timezone. */
export const bgTime = {
  'snooze.later_today': 'По-късно днес',
  'profile.timezone_browser': 'Като в този браузър: {zone}',
  'profile.timezone_hint':
    'Всички дати, часове и варианти за отлагане се показват по този часовник.',
} satisfies Partial<BulgarianCatalog>;
