import type { RussianCatalog } from '../catalog';

/** Russian for en-csat.ts: the satisfaction survey settings and the customer's rating. */
export const ruCsat = {
  'activity.csat_answered': 'Клиент поставил оценку {rating}/{max}',
  'activity.csat_answered_comment': 'Клиент поставил оценку {rating}/{max} · «{comment}»',
  'csat.settings.title': 'Опрос удовлетворённости',
  'csat.settings.hint':
    'После закрытия диалога клиента один раз спрашивают в его же канале, как всё прошло.',
  'csat.settings.enabled': 'Спрашивать клиентов после закрытия диалога',
  'csat.settings.delay': 'Задержка после закрытия (минут, 0–1440)',
  'csat.settings.question': 'Вопрос',
  'csat.settings.scale': 'Шкала',
  'csat.settings.scale_csat': 'CSAT: от 1 (плохо) до 5 (отлично)',
  'csat.settings.scale_nps': 'NPS: от 0 до 10, насколько вероятно, что нас порекомендуют',
  'csat.settings.comment': 'Разрешить клиенту оставить комментарий (до {max} символов)',
  'csat.settings.quiet_days': 'Не спрашивать того же клиента повторно в течение (дней)',
  'csat.settings.save': 'Сохранить настройки опроса',
  'csat.settings.saving': 'Сохранение…',
  'csat.settings.saved': 'Настройки опроса сохранены.',
  'csat.settings.failed': 'Не удалось сохранить: {message}',
  'csat.settings.load_error': 'Не удалось загрузить настройки опроса: {message}',
  'csat.settings.whole_numbers': 'Задержка и период тишины должны быть целыми числами.',
  'csat.badge.csat': '★ {rating}/5',
  'csat.badge.nps': 'NPS {rating}',
  'csat.badge.title': 'Оценка клиента: {rating}',
  'csat.badge.title_comment': 'Оценка клиента: {rating} · «{comment}»',
  'audit.action.csat.settings_changed': 'Изменение опроса удовлетворённости канала',
} satisfies Partial<RussianCatalog>;
