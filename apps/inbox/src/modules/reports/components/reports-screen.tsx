import { lazy, Suspense } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { useReportHash } from '../hooks/use-report-hash';
import { useReportsStore } from '../store/reports-store';
import { NowPanel } from './now-panel';
import { ReportControls } from './report-controls';
import { ReportFilters } from './report-filters';
import { ReportTables } from './report-tables';
import '../reports.css';

// The chart library is its own chunk: the tables show while it loads, and other screens never pay.
const ReportCharts = lazy(() => import('./report-charts'));

/** Reports (admins): the live panel, then a period's charts and tables, all chosen in the URL. */
export default function ReportsScreen() {
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  if (!isAdmin)
    return (
      <main className="reports-screen" data-testid="reports-screen">
        <p className="reports-screen__notice">{t('reports.admins_only')}</p>
      </main>
    );
  return <Reports />;
}

function Reports() {
  useReportHash();
  const overall = useReportsStore((s) => s.overall);
  const loading = useReportsStore((s) => s.loading);
  const error = useReportsStore((s) => s.error);
  return (
    <main
      className="reports-screen"
      data-testid="reports-screen"
      aria-busy={loading}
      data-loading={loading}
    >
      <header className="reports-screen__header">
        <h1>{t('reports.title')}</h1>
      </header>
      <NowPanel />
      <section className="reports-screen__choices" aria-label={t('reports.choices')}>
        <ReportControls />
        <ReportFilters />
      </section>
      {error && (
        <p className="form-error" role="alert" data-testid="report-error">
          {t('reports.load_failed', { message: error })}
        </p>
      )}
      {overall && (
        <Suspense
          fallback={<p className="reports-screen__notice">{t('reports.charts_loading')}</p>}
        >
          <ReportCharts report={overall} />
        </Suspense>
      )}
      <ReportTables />
    </main>
  );
}
