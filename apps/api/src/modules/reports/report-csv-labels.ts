import type { ReportGroup, SupportedLanguage } from '@switchboard/contracts';

type UngroupedLabels = Record<'all' | 'none' | 'none_operator' | 'none_team' | 'none_tag', string>;

/** The CSV's name for the row without a group key, as the inbox shows it (reports.* keys there). */
const UNGROUPED: Record<SupportedLanguage, UngroupedLabels> = {
  en: {
    all: 'All',
    none: 'None',
    none_operator: 'Unassigned',
    none_team: 'No team',
    none_tag: 'No tag',
  },
  ru: {
    all: 'Все',
    none: 'Не задано',
    none_operator: 'Без ответственного',
    none_team: 'Без команды',
    none_tag: 'Без тега',
  },
  bg: {
    all: 'Всички',
    none: 'Няма',
    none_operator: 'Без отговорник',
    none_team: 'Без екип',
    none_tag: 'Без етикет',
  },
  ar: {
    all: 'الكل',
    none: 'لا شيء',
    none_operator: 'غير مُسندة',
    none_team: 'بلا فريق',
    none_tag: 'بلا وسم',
  },
};

/** "All" for an ungrouped report, else what having no operator, team or tag is called. */
export function ungroupedCsvLabel(group: ReportGroup, language: SupportedLanguage): string {
  const labels = UNGROUPED[language];
  if (group === 'none') return labels.all;
  if (group === 'operator') return labels.none_operator;
  if (group === 'team') return labels.none_team;
  if (group === 'tag') return labels.none_tag;
  return labels.none;
}
