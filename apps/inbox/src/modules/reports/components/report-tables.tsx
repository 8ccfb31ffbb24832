import type { ReportDto, ReportGroup } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useReportsStore } from '../store/reports-store';
import { bucketsOf } from '../utils/chart-series';
import { BUCKET_COLUMNS, OPERATOR_COLUMNS, TOTAL_COLUMNS } from '../utils/report-columns';
import { formatBucketStart } from '../utils/report-format';
import { apiQueryOf, exportUrl } from '../utils/report-params';
import { MetricsTable, type MetricsRow } from './metrics-table';
import { TimeTable } from './time-table';

/** The row without a group value ("All", or nobody / no team / no tag), in the operator's language. */
function ungroupedLabel(groupBy: ReportGroup): string {
  if (groupBy === 'none') return t('reports.table.all');
  if (groupBy === 'operator') return t('reports.series.none_operator');
  if (groupBy === 'team') return t('reports.series.none_team');
  if (groupBy === 'tag') return t('reports.series.none_tag');
  return t('reports.series.none');
}

const seriesRows = (report: ReportDto): MetricsRow[] =>
  report.series.map((s) => ({
    key: s.key ?? 'none',
    label: s.key === null ? ungroupedLabel(report.groupBy) : s.label,
    metrics: s.totals,
  }));

/** The tables: totals per group, per operator, and per bucket (the charts' figures). */
export function ReportTables() {
  const params = useReportsStore((s) => s.params);
  const today = useReportsStore((s) => s.today);
  const grouped = useReportsStore((s) => s.grouped);
  const byOperator = useReportsStore((s) => s.byOperator);
  const overall = useReportsStore((s) => s.overall);
  const csv = (groupBy: ReportGroup, table: 'series' | 'buckets') =>
    exportUrl(apiQueryOf(params, today, groupBy), table);

  return (
    <div className="report-tables">
      {grouped && (
        <MetricsTable
          testId="report-totals"
          title={t('reports.table.totals')}
          firstColumn={t(`reports.group.${grouped.groupBy}`)}
          columns={TOTAL_COLUMNS}
          rows={grouped.groupBy === 'none' ? [] : seriesRows(grouped)}
          total={grouped.totals}
          csvHref={csv(params.groupBy, 'series')}
        />
      )}
      {byOperator && (
        <MetricsTable
          testId="report-operators"
          title={t('reports.table.operators')}
          firstColumn={t('reports.group.operator')}
          columns={OPERATOR_COLUMNS}
          rows={seriesRows(byOperator)}
          csvHref={csv('operator', 'series')}
        />
      )}
      {overall && (
        <MetricsTable
          testId="report-buckets"
          title={t('reports.table.buckets')}
          firstColumn={t(`reports.bucket.${overall.bucket}`)}
          columns={BUCKET_COLUMNS}
          rows={bucketsOf(overall).map((b) => ({
            key: b.start,
            label: formatBucketStart(b.start, overall.bucket),
            metrics: b.metrics,
          }))}
          csvHref={csv('none', 'buckets')}
        />
      )}
      <TimeTable />
    </div>
  );
}
