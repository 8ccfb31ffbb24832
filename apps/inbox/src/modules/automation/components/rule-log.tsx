import { useEffect, useRef } from 'react';
import { formatFullDateTime, formatMessageStamp } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { openConversation } from '../../conversation/store/conversation-commands';
import { useRuleLogStore } from '../store/rule-log-store';
import { triggerLabel } from '../utils/rule-result-text';
import { ActionResults } from './action-results';

/** The rule log, newest first: one rule's (ruleId) or all. Scrolling to its end loads more. */
export function RuleLog({ ruleId }: { ruleId: string | null }) {
  const items = useRuleLogStore((s) => s.items);
  const nextCursor = useRuleLogStore((s) => s.nextCursor);
  const loading = useRuleLogStore((s) => s.loading);
  const loadError = useRuleLogStore((s) => s.loadError);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useRuleLogStore.getState().open(ruleId);
  }, [ruleId]);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void useRuleLogStore.getState().loadMore();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  return (
    <section className="rule-log" data-testid="rule-log" aria-busy={loading}>
      <h3>{t(ruleId ? 'automation.log.rule_title' : 'automation.log.title')}</h3>
      {loadError && (
        <p className="form-error" role="alert">
          {t('automation.log.load_failed', { message: loadError })}
        </p>
      )}
      {!loading && !loadError && items.length === 0 && (
        <p className="settings-hint">{t('automation.log.empty')}</p>
      )}
      <ol className="rule-log__list">
        {items.map((run) => (
          <li key={run.id} className="rule-run" data-testid="rule-run" data-outcome={run.outcome}>
            <div className="rule-run__head">
              <span className={`rule-badge rule-badge--${run.outcome}`}>
                {t(`automation.outcome.${run.outcome}`)}
              </span>
              <strong>
                <bdi>{run.rule.name}</bdi>
              </strong>
              {run.conversation ? (
                <button
                  type="button"
                  className="link-button"
                  data-testid="rule-run-conversation"
                  onClick={() => run.conversation && openConversation(run.conversation.id)}
                >
                  {t('automation.log.open', { number: run.conversation.number })}
                </button>
              ) : (
                <span>{t('automation.log.no_conversation')}</span>
              )}
              <span className="settings-hint">
                {t('automation.log.trigger', { trigger: triggerLabel(run.trigger) })}
              </span>
              <time dateTime={run.at} title={formatFullDateTime(new Date(run.at))}>
                {formatMessageStamp(new Date(run.at))}
              </time>
            </div>
            {run.reason && (
              <p className="rule-result__reason">
                {t('automation.reason', { reason: run.reason })}
              </p>
            )}
            {run.actions.length > 0 && <ActionResults results={run.actions} />}
          </li>
        ))}
      </ol>
      <div ref={sentinel} aria-hidden="true" />
      {loading && <p className="settings-hint">{t('automation.loading')}</p>}
      {nextCursor && !loading && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void useRuleLogStore.getState().loadMore()}
        >
          {t('automation.log.load_more')}
        </button>
      )}
    </section>
  );
}
