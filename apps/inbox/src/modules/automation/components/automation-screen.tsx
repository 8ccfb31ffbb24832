import { useEffect, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { useRulesStore } from '../store/rules-store';
import { RuleEditor } from './rule-editor';
import { RuleList } from './rule-list';
import { RuleLog } from './rule-log';
import '../automation.css';

/** The Automation screen: the ordered rules (admins edit, agents read), a rule's editor, the log. */
export default function AutomationScreen() {
  const view = useRulesStore((s) => s.view);
  const rules = useRulesStore((s) => s.rules);
  const loaded = useRulesStore((s) => s.loaded);
  const loading = useRulesStore((s) => s.loading);
  const loadError = useRulesStore((s) => s.loadError);
  const changeError = useRulesStore((s) => s.changeError);
  const readOnly = useAuthStore((s) => s.operator?.role !== 'admin');

  useEffect(() => {
    void useRulesStore.getState().load();
  }, []);

  const show = useRulesStore.getState().show;
  const editing = view.name === 'editor' ? view : null;
  const rule = editing?.ruleId ? (rules.find((r) => r.id === editing.ruleId) ?? null) : null;

  return (
    // The feed's single-letter shortcuts must not act on the hidden conversation.
    <main
      className="automation-screen"
      data-testid="automation-screen"
      onKeyDown={(e: KeyboardEvent) => e.stopPropagation()}
    >
      <header className="automation-screen__header">
        <h1>{t('automation.title')}</h1>
        <div role="tablist" aria-label={t('automation.tabs_label')} className="tasks-screen__tabs">
          {(['rules', 'log'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              className="tasks-screen__tab"
              data-testid={`automation-tab-${name}`}
              aria-selected={view.name === name || (name === 'rules' && view.name === 'editor')}
              onClick={() => show({ name })}
            >
              {t(`automation.tab.${name}`)}
            </button>
          ))}
        </div>
        {!readOnly && view.name === 'rules' && (
          <button
            type="button"
            className="button button--primary"
            data-testid="rule-new"
            onClick={() => show({ name: 'editor', ruleId: null })}
          >
            {t('automation.new')}
          </button>
        )}
      </header>
      {readOnly && <p className="settings-hint">{t('automation.read_only')}</p>}
      {loadError && (
        <p className="form-error" role="alert">
          {t('automation.load_failed', { message: loadError })}
        </p>
      )}
      {changeError && (
        <p className="form-error" role="alert" data-testid="rule-change-error">
          {t('automation.change_failed', { message: changeError })}
        </p>
      )}
      {view.name === 'log' && <RuleLog ruleId={null} />}
      {view.name === 'rules' && (
        <section role="tabpanel" aria-busy={loading}>
          {loaded && rules.length === 0 && (
            <p className="settings-hint" data-testid="rules-empty">
              {t('automation.empty')}
            </p>
          )}
          {!loaded && loading && <p className="settings-hint">{t('automation.loading')}</p>}
          <RuleList readOnly={readOnly} />
        </section>
      )}
      {editing && (editing.ruleId === null || rule) && (
        <RuleEditor key={editing.ruleId ?? 'new'} rule={rule} readOnly={readOnly} />
      )}
    </main>
  );
}
