import { useState } from 'react';
import { formatFullDateTime, formatMessageStamp } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useRulesStore } from '../store/rules-store';

/**
 * The rules in the order they run. Admins reorder by dragging a row or with its up/down buttons
 * (the keyboard way); each move saves the whole order. The live region says where a rule went.
 */
export function RuleList({ readOnly }: { readOnly: boolean }) {
  const rules = useRulesStore((s) => s.rules);
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const move = (from: number, to: number) => {
    const rule = rules[from];
    if (!rule || to < 0 || to >= rules.length) return;
    void useRulesStore.getState().move(from, to);
    setAnnouncement(t('automation.moved', { name: rule.name, position: to + 1 }));
  };

  return (
    <>
      {!readOnly && rules.length > 1 && (
        <p className="settings-hint" id="rule-order-hint">
          {t('automation.drag_hint')}
        </p>
      )}
      <ol
        className="rule-list"
        data-testid="rule-list"
        aria-label={t('automation.list_label')}
        aria-describedby={!readOnly && rules.length > 1 ? 'rule-order-hint' : undefined}
      >
        {rules.map((rule, i) => (
          <li
            key={rule.id}
            className={`rule-item${dragging === i ? ' rule-item--dragging' : ''}`}
            data-testid="rule-item"
            data-rule-id={rule.id}
            draggable={!readOnly}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => {
              if (dragging !== null) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(dragging, i);
              setDragging(null);
            }}
          >
            <span className="rule-item__position" aria-hidden="true">
              {i + 1}
            </span>
            <button
              type="button"
              className="link-button rule-item__name"
              data-testid="rule-open"
              aria-label={t('automation.edit', { name: rule.name })}
              onClick={() => useRulesStore.getState().show({ name: 'editor', ruleId: rule.id })}
            >
              <bdi>{rule.name}</bdi>
            </button>
            <span className="rule-item__last-run">
              {rule.lastRunAt ? (
                <time
                  dateTime={rule.lastRunAt}
                  title={formatFullDateTime(new Date(rule.lastRunAt))}
                >
                  {t('automation.last_run', { time: formatMessageStamp(new Date(rule.lastRunAt)) })}
                </time>
              ) : (
                t('automation.never_ran')
              )}
            </span>
            <label className="rule-switch">
              <input
                type="checkbox"
                role="switch"
                data-testid="rule-enabled"
                checked={rule.enabled}
                disabled={readOnly}
                aria-label={t('automation.enabled_label', { name: rule.name })}
                onChange={(e) =>
                  void useRulesStore.getState().setEnabled(rule.id, e.target.checked)
                }
              />
              <span aria-hidden="true">{t('automation.enabled')}</span>
            </label>
            {!readOnly && (
              <span className="rule-item__order">
                <button
                  type="button"
                  className="icon-button"
                  data-testid="rule-move-up"
                  aria-label={t('automation.move_up', { name: rule.name })}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-testid="rule-move-down"
                  aria-label={t('automation.move_down', { name: rule.name })}
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
