import type { RuleTestResultDto } from '@switchboard/contracts';
import { useId, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { automationApi } from '../api/automation-api';
import type { BuildResult } from '../utils/build-rule-input';
import { ActionResults } from './action-results';
import { errorText } from '../../../shared/api/error-text';

/**
 * "Try on a conversation": the rule as the form has it now (saved or not) against a conversation
 * picked by its number. The server changes nothing; the answer says which groups matched and
 * what each action would do.
 */
export function TryRule({ build }: { build: () => BuildResult }) {
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ number: number; dto: RuleTestResultDto } | null>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = number.trim().replace(/^#/, '');
    if (!/^\d{1,9}$/.test(digits)) return setError(t('automation.try.bad_number'));
    const built = build();
    if (!built.ok) return setError(t('automation.editor.fix_errors'));
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const num = Number(digits);
      const conversation = await automationApi.conversationByNumber(num);
      if (!conversation) setError(t('automation.try.not_found', { number: num }));
      else setResult({ number: num, dto: await automationApi.test(built.input, conversation.id) });
    } catch (err) {
      setError(t('automation.try.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    // A form of its own beside the editor's: Enter here tries, it never saves.
    <form className="rule-section rule-try" data-testid="rule-try" onSubmit={submit}>
      <h3>{t('automation.try.legend')}</h3>
      <p className="settings-hint">{t('automation.try.hint')}</p>
      <div className="rule-row">
        <label htmlFor={inputId}>{t('automation.try.number')}</label>
        <input
          id={inputId}
          className="rule-input rule-input--number"
          name="conversationNumber"
          placeholder="#1042"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? t('automation.try.running') : t('automation.try.submit')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="rule-try-error">
          {error}
        </p>
      )}
      {result && (
        <div
          className="rule-try__result"
          data-testid="rule-try-result"
          data-matched={result.dto.matched}
          role="status"
        >
          <p>
            <strong>
              {t(result.dto.matched ? 'automation.try.matched' : 'automation.try.not_matched', {
                number: result.number,
              })}
            </strong>
          </p>
          {result.dto.groups.length > 0 && (
            <ul className="rule-results">
              {result.dto.groups.map((matched, i) => (
                <li key={i} data-testid="rule-try-group" data-matched={matched}>
                  {t(matched ? 'automation.try.group_matched' : 'automation.try.group_failed', {
                    number: i + 1,
                  })}
                </li>
              ))}
            </ul>
          )}
          {result.dto.actions.length > 0 && (
            <>
              <h4>{t('automation.try.would')}</h4>
              <ActionResults results={result.dto.actions} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
