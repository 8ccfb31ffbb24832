import type { InboxTimeRateDto } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { timeApi } from '../api/time-api';
import '../time-tracking.css';
import { errorText } from '../../../shared/api/error-text';

/** The inbox's hourly rate for the time report's cost: shown to everyone, set by admins. */
export function InboxTimeRatePanel({ inboxId, readOnly }: { inboxId: string; readOnly: boolean }) {
  const [rate, setRate] = useState<InboxTimeRateDto | null>(null);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const show = (dto: InboxTimeRateDto) => {
    setRate(dto);
    setAmount(dto.hourlyRate === null ? '' : String(dto.hourlyRate));
    if (dto.currency) setCurrency(dto.currency);
  };

  useEffect(() => {
    let live = true;
    void timeApi.rate(inboxId).then(
      (dto) => live && show(dto),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [inboxId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const hourlyRate = amount.trim() === '' ? null : Number(amount);
    if (hourlyRate !== null && (!Number.isFinite(hourlyRate) || hourlyRate < 0))
      return setMessage({ text: t('time.rate.invalid'), error: true });
    try {
      show(
        await timeApi.setRate(inboxId, {
          hourlyRate,
          currency: hourlyRate === null ? null : currency.trim().toUpperCase(),
        }),
      );
      setMessage({ text: t('time.rate.saved'), error: false });
    } catch (error) {
      setMessage({
        text: t('time.rate.failed', { message: errorText(error) }),
        error: true,
      });
    }
  };

  const current =
    rate?.hourlyRate != null && rate.currency
      ? t('time.rate.current', { rate: `${rate.hourlyRate.toFixed(2)} ${rate.currency}` })
      : t('time.rate.none');

  return (
    <section className="settings-section" data-testid="time-rate" aria-labelledby="time-rate-title">
      <h3 id="time-rate-title">{t('time.rate.title')}</h3>
      <p className="settings-hint" data-testid="time-rate-current">
        {current}
      </p>
      {!readOnly && (
        <form className="time-rate-form" onSubmit={save}>
          <label className="field">
            <span>{t('time.rate.amount')}</span>
            <input
              name="hourlyRate"
              type="number"
              min="0"
              step="0.01"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('time.rate.currency')}</span>
            <input
              name="currency"
              maxLength={3}
              pattern="[A-Za-z]{3}"
              value={currency}
              onChange={(e) => setCurrency(e.target.value)}
            />
          </label>
          <button type="submit" className="button button--small">
            {t('time.rate.save')}
          </button>
        </form>
      )}
      {message && (
        <p className={message.error ? 'form-error' : 'settings-hint'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
