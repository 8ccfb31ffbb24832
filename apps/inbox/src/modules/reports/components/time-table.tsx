import { TIME_REPORT_GROUPS, type TimeCostDto, type TimeReportGroup } from '@switchboard/contracts';
import { currentLocale, t } from '../../../i18n/i18n';
import { useReportsStore } from '../store/reports-store';
import { formatCount, formatDuration } from '../utils/report-format';
import { timeQueryOf } from '../utils/report-params';
import { CsvLink } from './csv-link';

function formatCosts(costs: TimeCostDto[]): string {
  if (costs.length === 0) return t('reports.none');
  return costs
    .map((c) =>
      new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: c.currency }).format(
        c.amount,
      ),
    )
    .join(' + ');
}

/** Time tracked on conversations over the period, and what it cost (time-tracking module). */
export function TimeTable() {
  const params = useReportsStore((s) => s.params);
  const today = useReportsStore((s) => s.today);
  const time = useReportsStore((s) => s.time);
  const error = useReportsStore((s) => s.timeError);
  const csvHref = `/api/reports/time?${new URLSearchParams(timeQueryOf(params, today, 'csv')).toString()}`;
  const setGroup = (timeGroupBy: TimeReportGroup) =>
    useReportsStore.getState().setParams({ ...params, timeGroupBy });
  return (
    <section className="report-table" data-testid="report-time">
      <header className="report-table__header">
        <h2 id="report-time-title">{t('reports.time.title')}</h2>
        <label className="report-controls__field">
          <span>{t('reports.group_by')}</span>
          <select
            name="timeGroupBy"
            value={params.timeGroupBy}
            onChange={(e) => setGroup(e.target.value as TimeReportGroup)}
          >
            {TIME_REPORT_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`reports.time.group.${group}`)}
              </option>
            ))}
          </select>
        </label>
        <CsvLink href={csvHref} />
      </header>
      <p className="report-table__note">{t('reports.time.note')}</p>
      {error && (
        <p className="form-error" role="alert">
          {t('reports.time.failed', { message: error })}
        </p>
      )}
      <div className="report-table__scroll">
        <table aria-labelledby="report-time-title">
          <thead>
            <tr>
              <th scope="col">{t(`reports.time.group.${params.timeGroupBy}`)}</th>
              <th scope="col">{t('reports.time.col.time')}</th>
              <th scope="col">{t('reports.time.col.conversations')}</th>
              <th scope="col">{t('reports.time.col.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {(time?.rows ?? []).map((row) => (
              <tr key={row.key ?? 'none'} data-testid="report-row" data-row-key={row.key ?? 'none'}>
                <th scope="row">{row.label}</th>
                <td data-metric="seconds">{formatDuration(row.seconds)}</td>
                <td data-metric="conversations">{formatCount(row.conversations)}</td>
                <td data-metric="cost">{formatCosts(row.costs)}</td>
              </tr>
            ))}
            {time && time.rows.length === 0 && (
              <tr>
                <td colSpan={4}>{t('reports.table.empty')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {time?.truncated && <p className="report-table__note">{t('reports.time.truncated')}</p>}
    </section>
  );
}
