import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';

/** `2026-03-01` (the operator's day) as the instant it starts, and back. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayOf = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const dayAfter = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};
const dayBefore = (iso: string) => new Date(new Date(iso).getTime() - 1).toISOString();

/** The search's date range: last activity on or after "from" and on or before "to" (whole days). */
export function SearchDates() {
  const from = useFeedStore((s) => s.filters.from);
  const to = useFeedStore((s) => s.filters.to);
  const setFilters = useFeedStore((s) => s.setFilters);
  return (
    <fieldset className="search-dates" aria-label={t('search.dates.label')}>
      <label>
        {t('search.dates.from')}{' '}
        <input
          type="date"
          className="input"
          data-testid="search-from"
          value={dayOf(from)}
          onChange={(e) => setFilters({ from: e.target.value ? startOfDay(e.target.value) : null })}
        />
      </label>
      <label>
        {t('search.dates.to')}{' '}
        <input
          type="date"
          className="input"
          data-testid="search-to"
          value={to ? dayOf(dayBefore(to)) : ''}
          onChange={(e) => setFilters({ to: e.target.value ? dayAfter(e.target.value) : null })}
        />
      </label>
      {(from || to) && (
        <button
          type="button"
          className="link-button"
          onClick={() => setFilters({ from: null, to: null })}
        >
          {t('search.dates.clear')}
        </button>
      )}
    </fieldset>
  );
}
