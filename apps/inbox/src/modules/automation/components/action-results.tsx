import type { RuleActionResult } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { actionResultPhrase } from '../utils/rule-result-text';

/** What each action did (or would do), with a status badge and the reason where there is one. */
export function ActionResults({ results }: { results: readonly RuleActionResult[] }) {
  return (
    <ul className="rule-results">
      {results.map((result, i) => (
        <li
          key={i}
          className="rule-result"
          data-testid="rule-action-result"
          data-status={result.status}
        >
          <span className={`rule-badge rule-badge--${result.status}`}>
            {t(`automation.action_status.${result.status}`)}
          </span>
          <span>{actionResultPhrase(result)}</span>
          {result.reason && (
            <span className="rule-result__reason">
              {t('automation.reason', { reason: result.reason })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
