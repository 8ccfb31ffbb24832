import { CHANNEL_KINDS } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useReportsStore, type FilterOption } from '../store/reports-store';
import { FILTER_NAMES, type FilterName } from '../utils/report-params';

/** Filters: each a list of checkboxes in a disclosure; none checked means "any". */
export function ReportFilters() {
  const options = useReportsStore((s) => s.options);
  const channels: FilterOption[] = CHANNEL_KINDS.map((kind) => ({
    id: kind,
    label: t(`reports.channel.${kind}`),
  }));
  return (
    <div className="report-filters" data-testid="report-filters">
      {FILTER_NAMES.map((name) => (
        <FilterList
          key={name}
          name={name}
          options={name === 'channel' ? channels : options[name]}
        />
      ))}
    </div>
  );
}

function FilterList({ name, options }: { name: FilterName; options: FilterOption[] }) {
  const params = useReportsStore((s) => s.params);
  const chosen = params.filters[name] as string[];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    useReportsStore
      .getState()
      .setParams({ ...params, filters: { ...params.filters, [name]: next } });
  };
  // A link may name something deleted since: it still filters, and can be unchecked.
  const shown = [
    ...options,
    ...chosen
      .filter((id) => !options.some((o) => o.id === id))
      .map((id) => ({ id, label: t('reports.filter.unknown') })),
  ];
  return (
    <details className="report-filter" data-testid={`report-filter-${name}`}>
      <summary>
        {t(`reports.filter.${name}`)}:{' '}
        {chosen.length === 0 ? t('reports.filter.any') : String(chosen.length)}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{t(`reports.filter.${name}`)}</legend>
        {shown.length === 0 && <p>{t('reports.filter.empty')}</p>}
        {shown.map((option) => (
          <label key={option.id} className="report-filter__option">
            <input
              type="checkbox"
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
