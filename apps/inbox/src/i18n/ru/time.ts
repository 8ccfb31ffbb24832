import type { RussianCatalog } from '../catalog';

/** Russian for en-time.ts: snooze presets and the operator's timezone. */
export const ruTime = {
  'snooze.later_today': 'Позже сегодня',
  'profile.timezone_browser': 'Как в этом браузере: {zone}',
  'profile.timezone_hint': 'Все даты, время и варианты «Отложить» показываются по этим часам.',
} satisfies Partial<RussianCatalog>;
