import { AUDIT_ACTIONS, type AuditAction, type AuditLogEntryDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { auditLogApi } from '../api/audit-log-api';
import { errorText } from '../../../shared/api/error-text';

interface LogState {
  items: AuditLogEntryDto[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/** The account's audit log for admins: newest first, filterable by what happened. */
export function AuditLogPanel() {
  const [action, setAction] = useState<AuditAction | ''>('');
  const [log, setLog] = useState<LogState>({
    items: [],
    nextCursor: null,
    loading: true,
    error: null,
  });

  const load = async (cursor: string | null, signal?: AbortSignal) => {
    setLog((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await auditLogApi.list({ action: action || undefined, cursor }, signal);
      setLog((s) => ({
        items: cursor ? [...s.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (signal?.aborted) return;
      setLog((s) => ({ ...s, loading: false, error: errorText(error) }));
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
    // Reload from the first page whenever the filter changes.
  }, [action]);

  return (
    <div className="settings__detail" data-testid="audit-log">
      <h2>{t('audit.title')}</h2>
      <label className="audit-log__filter">
        {t('audit.filter')}
        <select
          value={action}
          data-testid="audit-log-filter"
          onChange={(e) => setAction(e.target.value as AuditAction | '')}
        >
          <option value="">{t('audit.all')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.action.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {log.error && (
        <p className="form-error" role="alert">
          {t('audit.load_error', { message: log.error })}
        </p>
      )}
      {!log.loading && !log.error && log.items.length === 0 && (
        <p className="settings-hint">{t('audit.empty')}</p>
      )}
      <table className="audit-log__table">
        <thead>
          <tr>
            <th scope="col">{t('audit.column.when')}</th>
            <th scope="col">{t('audit.column.who')}</th>
            <th scope="col">{t('audit.column.what')}</th>
            <th scope="col">{t('audit.column.target')}</th>
            <th scope="col">{t('audit.column.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {log.items.map((entry) => (
            <tr key={entry.id} data-testid="audit-log-entry" data-action={entry.action}>
              <td>
                <time dateTime={entry.createdAt}>
                  {formatFullDateTime(new Date(entry.createdAt))}
                </time>
              </td>
              <td>
                <bdi>{displayName(entry.actor.label, t('audit.system'))}</bdi>
              </td>
              <td>{t(`audit.action.${entry.action}`)}</td>
              <td>
                <bdi>{displayName(entry.target?.label, entry.target?.id ?? '')}</bdi>
              </td>
              <td>{entry.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.nextCursor && (
        <button
          type="button"
          className="button button--small"
          disabled={log.loading}
          onClick={() => void load(log.nextCursor)}
        >
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
