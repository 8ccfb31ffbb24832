import {
  CSAT_MAX_COMMENT,
  CSAT_MAX_DELAY_MINUTES,
  type CsatScale,
  type CsatSettingsDto,
} from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { csatApi } from '../api/csat-api';
import '../csat.css';
import { errorText } from '../../../shared/api/error-text';

interface FormValues {
  enabled: boolean;
  delayMinutes: string;
  question: string;
  scale: CsatScale;
  commentEnabled: boolean;
  quietDays: string;
}

const valuesOf = (dto: CsatSettingsDto): FormValues => ({
  enabled: dto.enabled,
  delayMinutes: String(dto.delayMinutes),
  question: dto.question,
  scale: dto.scale,
  commentEnabled: dto.commentEnabled,
  quietDays: String(dto.quietDays),
});

/** A whole number typed into a field, or null ("", "1.5", "abc"). */
const wholeNumber = (text: string): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) ? n : null;
};

/**
 * "Satisfaction survey" of an inbox: whether customers are asked after a close, when, what, on
 * which scale, with a comment or not, and how long a customer is left alone afterwards. Everyone
 * reads it; admins change it, and the server's refusal is shown as it says it.
 */
export function CsatSettingsPanel({ inboxId, readOnly }: { inboxId: string; readOnly: boolean }) {
  const [values, setValues] = useState<FormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    csatApi.settings(inboxId).then(
      (dto) => live && setValues(valuesOf(dto)),
      (error: unknown) =>
        live &&
        setMessage({
          text: t('csat.settings.load_error', { message: errorText(error) }),
          error: true,
        }),
    );
    return () => {
      live = false;
    };
  }, [inboxId]);

  const change = (patch: Partial<FormValues>) => {
    setValues((v) => (v ? { ...v, ...patch } : v));
    setMessage(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!values || readOnly || saving) return;
    const delayMinutes = wholeNumber(values.delayMinutes);
    const quietDays = wholeNumber(values.quietDays);
    if (delayMinutes === null || quietDays === null)
      return setMessage({ text: t('csat.settings.whole_numbers'), error: true });
    setSaving(true);
    try {
      const saved = await csatApi.saveSettings(inboxId, {
        enabled: values.enabled,
        delayMinutes,
        question: values.question,
        scale: values.scale,
        commentEnabled: values.commentEnabled,
        quietDays,
      });
      setValues(valuesOf(saved));
      setMessage({ text: t('csat.settings.saved'), error: false });
    } catch (error) {
      setMessage({
        text: t('csat.settings.failed', { message: errorText(error) }),
        error: true,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="settings-panel" data-testid="csat-settings" aria-labelledby="csat-title">
      <h3 id="csat-title">{t('csat.settings.title')}</h3>
      <p className="settings-hint">{t('csat.settings.hint')}</p>
      {values && (
        <form className="csat-settings-form" onSubmit={(e) => void save(e)}>
          <fieldset disabled={readOnly || saving}>
            <label className="settings-check">
              <input
                type="checkbox"
                name="enabled"
                checked={values.enabled}
                onChange={(e) => change({ enabled: e.target.checked })}
              />
              {t('csat.settings.enabled')}
            </label>
            <label className="field">
              <span>{t('csat.settings.delay')}</span>
              <input
                name="delayMinutes"
                type="number"
                min="0"
                max={CSAT_MAX_DELAY_MINUTES}
                step="1"
                inputMode="numeric"
                value={values.delayMinutes}
                onChange={(e) => change({ delayMinutes: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('csat.settings.question')}</span>
              <textarea
                name="question"
                rows={2}
                maxLength={500}
                dir="auto"
                value={values.question}
                onChange={(e) => change({ question: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('csat.settings.scale')}</span>
              <select
                name="scale"
                value={values.scale}
                onChange={(e) => change({ scale: e.target.value as CsatScale })}
              >
                <option value="csat">{t('csat.settings.scale_csat')}</option>
                <option value="nps">{t('csat.settings.scale_nps')}</option>
              </select>
            </label>
            <label className="settings-check">
              <input
                type="checkbox"
                name="commentEnabled"
                checked={values.commentEnabled}
                onChange={(e) => change({ commentEnabled: e.target.checked })}
              />
              {t('csat.settings.comment', { max: CSAT_MAX_COMMENT })}
            </label>
            <label className="field">
              <span>{t('csat.settings.quiet_days')}</span>
              <input
                name="quietDays"
                type="number"
                min="0"
                max="365"
                step="1"
                inputMode="numeric"
                value={values.quietDays}
                onChange={(e) => change({ quietDays: e.target.value })}
              />
            </label>
            {!readOnly && (
              <div>
                <button type="submit" className="button button--small">
                  {saving ? t('csat.settings.saving') : t('csat.settings.save')}
                </button>
              </div>
            )}
          </fieldset>
        </form>
      )}
      {message && (
        <p
          className={message.error ? 'form-error' : 'settings-hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid="csat-settings-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
