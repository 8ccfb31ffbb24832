import { REPORT_BUCKETS, REPORT_GROUPS } from '@switchboard/contracts';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useReportsStore } from '../store/reports-store';
import { periodProblem } from '../utils/custom-period';
import { periodOf, type ReportParams } from '../utils/report-params';
import { PERIOD_PRESETS, type DayRange, type PeriodChoice } from '../utils/report-period';

/** Period, bucket, grouping and business hours: every change reloads and rewrites the hash. */
export function ReportControls() {
  const params = useReportsStore((s) => s.params);
  const today = useReportsStore((s) => s.today);
  const update = (change: Partial<ReportParams>) =>
    useReportsStore.getState().setParams({ ...params, ...change });

  const choosePeriod = (period: PeriodChoice) =>
    // A custom period starts from the days on screen, so it is edited rather than typed anew.
    update(period === 'custom' ? { period, custom: periodOf(params, today) } : { period });

  return (
    <div className="report-controls" data-testid="report-controls">
      <label className="report-controls__field">
        <span>{t('reports.period')}</span>
        <select
          name="period"
          value={params.period}
          onChange={(e) => choosePeriod(e.target.value as PeriodChoice)}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`reports.period.${preset}`)}
            </option>
          ))}
          <option value="custom">{t('reports.period.custom')}</option>
        </select>
      </label>
      {params.period === 'custom' && (
        <CustomPeriod
          key={`${params.custom.from}/${params.custom.to}`}
          range={params.custom}
          onApply={(custom) => update({ custom })}
        />
      )}
      <label className="report-controls__field">
        <span>{t('reports.bucket')}</span>
        <select
          name="bucket"
          value={params.bucket}
          onChange={(e) => update({ bucket: e.target.value as ReportParams['bucket'] })}
        >
          {REPORT_BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {t(`reports.bucket.${bucket}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="report-controls__field">
        <span>{t('reports.group_by')}</span>
        <select
          name="groupBy"
          value={params.groupBy}
          onChange={(e) => update({ groupBy: e.target.value as ReportParams['groupBy'] })}
        >
          {REPORT_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`reports.group.${group}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="report-controls__toggle">
        <input
          type="checkbox"
          name="businessHours"
          checked={params.businessHours}
          onChange={(e) => update({ businessHours: e.target.checked })}
        />
        <span>{t('reports.business_hours')}</span>
      </label>
    </div>
  );
}

function CustomPeriod({ range, onApply }: { range: DayRange; onApply: (range: DayRange) => void }) {
  const [draft, setDraft] = useState(range);
  const problem = periodProblem(draft);
  const change = (next: DayRange) => {
    setDraft(next);
    // Applied as soon as it is a period the server accepts; otherwise the reason shows.
    if (!periodProblem(next)) onApply(next);
  };
  return (
    <>
      <label className="report-controls__field">
        <span>{t('reports.period.from')}</span>
        <input
          type="date"
          name="from"
          value={draft.from}
          onChange={(e) => change({ ...draft, from: e.target.value })}
        />
      </label>
      <label className="report-controls__field">
        <span>{t('reports.period.to')}</span>
        <input
          type="date"
          name="to"
          value={draft.to}
          onChange={(e) => change({ ...draft, to: e.target.value })}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert" data-testid="report-period-problem">
          {t(`reports.period.problem.${problem}`)}
        </p>
      )}
    </>
  );
}
