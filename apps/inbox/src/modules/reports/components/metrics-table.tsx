import type { ReportMetricsDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import type { MetricColumn } from '../utils/report-columns';
import { CsvLink } from './csv-link';

export interface MetricsRow {
  key: string;
  label: string;
  metrics: ReportMetricsDto;
}

/** A table of metrics, one row per group or bucket, with its CSV download. */
export function MetricsTable({
  testId,
  title,
  firstColumn,
  columns,
  rows,
  total,
  csvHref,
}: {
  testId: string;
  title: string;
  firstColumn: string;
  columns: MetricColumn[];
  rows: MetricsRow[];
  /** The whole period's row, below the groups. */
  total?: ReportMetricsDto;
  csvHref: string;
}) {
  const headingId = `${testId}-title`;
  const cells = (metrics: ReportMetricsDto) =>
    columns.map((c) => (
      <td key={c.key} data-metric={c.key}>
        {c.value(metrics)}
      </td>
    ));
  return (
    <section className="report-table" data-testid={testId}>
      <header className="report-table__header">
        <h2 id={headingId}>{title}</h2>
        <CsvLink href={csvHref} />
      </header>
      <div className="report-table__scroll">
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="report-row" data-row-key={row.key}>
                <th scope="row">{row.label}</th>
                {cells(row.metrics)}
              </tr>
            ))}
            {rows.length === 0 && !total && (
              <tr>
                <td colSpan={columns.length + 1}>{t('reports.table.empty')}</td>
              </tr>
            )}
          </tbody>
          {total && (
            <tfoot>
              <tr data-testid="report-total-row">
                <th scope="row">{t('reports.table.all')}</th>
                {cells(total)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
