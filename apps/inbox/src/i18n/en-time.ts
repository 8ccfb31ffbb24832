/** Time: snooze presets and the operator's timezone (issue 15, item 2). */
export const enTime = {
  'snooze.later_today': 'Later today',
  'profile.timezone_browser': 'Use this browser’s: {zone}',
  'profile.timezone_hint': 'Every date, time and snooze preset is shown on this clock.',
} as const;
