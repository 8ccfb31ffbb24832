import { t, tp } from '../../../i18n/i18n';
import { useLiveNow } from '../hooks/use-live-now';
import { useNowStore } from '../store/now-store';
import { formatCount, formatWaitSince } from '../utils/report-format';

/** The live panel: what is waiting right now and who is working it. */
export function NowPanel() {
  useLiveNow();
  const now = useNowStore((s) => s.now);
  const error = useNowStore((s) => s.error);
  const readAt = useNowStore((s) => s.readAt);
  const operators = [...(now?.operators ?? [])].sort(
    (a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name),
  );
  return (
    <section
      className="reports-now"
      data-testid="reports-now"
      aria-labelledby="reports-now-title"
      aria-busy={now === null && error === null}
    >
      <h2 id="reports-now-title">{t('reports.now.title')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {t('reports.now.failed', { message: error })}
        </p>
      )}
      {now && (
        <>
          <dl className="reports-now__figures">
            <Figure testId="now-open" label={t('reports.now.open')} value={now.open} />
            <Figure
              testId="now-unassigned"
              label={t('reports.now.unassigned')}
              value={now.unassigned}
            />
            <Figure testId="now-queued" label={t('reports.now.queued')} value={now.queued} />
            <div className="reports-now__figure" data-testid="now-longest">
              <dt>{t('reports.now.longest')}</dt>
              <dd>
                {now.longestWaiting ? (
                  <a
                    href={`#/conversations/${encodeURIComponent(now.longestWaiting.conversationId)}`}
                  >
                    {t('reports.now.longest_link', {
                      number: now.longestWaiting.number,
                      wait: formatWaitSince(now.longestWaiting.since, readAt ?? Date.now()),
                    })}
                  </a>
                ) : (
                  t('reports.now.nobody_waiting')
                )}
              </dd>
            </div>
          </dl>
          <ul className="reports-now__operators" aria-label={t('reports.now.operators')}>
            {operators.map((op) => (
              <li key={op.id} data-testid="now-operator" data-online={op.online}>
                <span
                  className={`reports-now__dot ${op.online ? 'reports-now__dot--online' : ''}`}
                  aria-hidden="true"
                />
                <span className="reports-now__name">{op.name}</span>
                <span className="visually-hidden">
                  {op.online ? t('reports.now.online') : t('reports.now.offline')}
                </span>
                <span className="reports-now__load">
                  {op.maxOpen === null
                    ? tp('reports.now.load', op.openAssigned)
                    : t('reports.now.load_of', {
                        count: formatCount(op.openAssigned),
                        max: formatCount(op.maxOpen),
                      })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Figure({ testId, label, value }: { testId: string; label: string; value: number }) {
  return (
    <div className="reports-now__figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}
