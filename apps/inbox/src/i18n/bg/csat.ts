import type { BulgarianCatalog } from '../catalog';

/** Bulgarian for en-csat.ts: satisfaction surveys. */
export const bgCsat = {
  'activity.csat_answered': 'Клиентът даде оценка {rating}/{max}',
  'activity.csat_answered_comment': 'Клиентът даде оценка {rating}/{max} · „{comment}“',
  'csat.settings.title': 'Анкета за удовлетвореност',
  'csat.settings.hint':
    'След затваряне на разговора клиентът е питан веднъж, в собствения си канал, как е минало.',
  'csat.settings.enabled': 'Питай клиентите след затваряне на разговора',
  'csat.settings.delay': 'Изчакване след затваряне (минути, 0–1440)',
  'csat.settings.question': 'Въпрос',
  'csat.settings.scale': 'Скала',
  'csat.settings.scale_csat': 'CSAT: от 1 (лошо) до 5 (отлично)',
  'csat.settings.scale_nps': 'NPS: от 0 до 10, колко вероятно е да ни препоръча',
  'csat.settings.comment': 'Позволи на клиента да добави коментар (до {max} знака)',
  'csat.settings.quiet_days': 'Не питай същия клиент отново в рамките на (дни)',
  'csat.settings.save': 'Запази настройките на анкетата',
  'csat.settings.saving': 'Запазване…',
  'csat.settings.saved': 'Настройките на анкетата са запазени.',
  'csat.settings.failed': 'Неуспешно запазване: {message}',
  'csat.settings.load_error': 'Настройките на анкетата не можаха да се заредят: {message}',
  'csat.settings.whole_numbers': 'Изчакването и периодът без питане трябва да са цели числа.',
  'csat.badge.csat': '★ {rating}/5',
  'csat.badge.nps': 'NPS {rating}',
  'csat.badge.title': 'Оценка на клиента: {rating}',
  'csat.badge.title_comment': 'Оценка на клиента: {rating} · „{comment}“',
  'audit.action.csat.settings_changed': 'Промени анкетата за удовлетвореност на кутия',
} satisfies Partial<BulgarianCatalog>;
