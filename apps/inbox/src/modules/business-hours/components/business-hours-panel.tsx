import type { InboxBusinessHoursDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { currentTimeZone, formatUpcoming } from '../../../i18n/format';
import { currentLocale, t } from '../../../i18n/i18n';
import { businessHoursApi } from '../api/business-hours-api';
import { rowsOf, scheduleOf, timezoneOptions, type DayRow } from './schedule-form';
import { errorText } from '../../../shared/api/error-text';

// In the operator's language (their profile), not the browser's.
const dayName = (day: number) =>
  new Intl.DateTimeFormat(currentLocale(), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 7 + day)),
  );

/** "Open now" / "Opens Mon 09:00" and, for admins, the weekly schedule editor. */
export function BusinessHoursPanel({ inboxId, readOnly }: { inboxId: string; readOnly: boolean }) {
  const [state, setState] = useState<InboxBusinessHoursDto | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [timezone, setTimezone] = useState(currentTimeZone());
  const [rows, setRows] = useState<DayRow[]>(rowsOf(null));
  const [holidays, setHolidays] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const show = (dto: InboxBusinessHoursDto) => {
    setState(dto);
    setEnabled(dto.businessHours !== null);
    if (dto.businessHours) setTimezone(dto.businessHours.timezone);
    setRows(rowsOf(dto.businessHours));
    setHolidays((dto.businessHours?.holidays ?? []).join('\n'));
  };

  useEffect(() => {
    let live = true;
    void businessHoursApi.get(inboxId).then(
      (dto) => live && show(dto),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [inboxId]);

  const save = async () => {
    try {
      show(
        await businessHoursApi.set(inboxId, enabled ? scheduleOf(timezone, rows, holidays) : null),
      );
      setMessage({ text: t('business_hours.saved'), error: false });
    } catch (error) {
      setMessage({
        text: t('business_hours.failed', { message: errorText(error) }),
        error: true,
      });
    }
  };
  const patchRow = (day: number, patch: Partial<DayRow>) =>
    setRows((current) => current.map((r) => (r.day === day ? { ...r, ...patch } : r)));

  const status = !state
    ? ''
    : state.openNow
      ? t('business_hours.open_now')
      : state.nextOpening
        ? t('business_hours.opens_at', { time: formatUpcoming(new Date(state.nextOpening)) })
        : t('business_hours.never_opens');

  return (
    <section className="settings-section" data-testid="business-hours" aria-labelledby="bh-title">
      <h3 id="bh-title">{t('business_hours.title')}</h3>
      <p className="settings-hint" data-testid="business-hours-status">
        {status}
      </p>
      {!readOnly && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="business-hours-enabled"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
            />
            {enabled ? t('business_hours.use_schedule') : t('business_hours.always_open')}
          </label>
          {enabled && (
            <>
              <label className="field">
                <span>{t('business_hours.timezone')}</span>
                <select
                  className="select"
                  data-testid="business-hours-timezone"
                  value={timezone}
                  onChange={(e) => setTimezone(e.target.value)}
                >
                  {timezoneOptions(timezone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone}
                    </option>
                  ))}
                </select>
              </label>
              {rows.map((r) => (
                <div key={r.day} className="business-hours__day" data-testid="business-hours-day">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={r.open}
                      aria-label={t('business_hours.day_open', { day: dayName(r.day) })}
                      onChange={(e) => patchRow(r.day, { open: e.target.checked })}
                    />
                    {dayName(r.day)}
                  </label>
                  <input
                    type="time"
                    value={r.from}
                    disabled={!r.open}
                    aria-label={t('business_hours.from', { day: dayName(r.day) })}
                    onChange={(e) => patchRow(r.day, { from: e.target.value })}
                  />
                  <input
                    type="time"
                    value={r.to === '24:00' ? '23:59' : r.to}
                    disabled={!r.open}
                    aria-label={t('business_hours.to', { day: dayName(r.day) })}
                    onChange={(e) =>
                      patchRow(r.day, { to: e.target.value === '23:59' ? '24:00' : e.target.value })
                    }
                  />
                </div>
              ))}
              <label className="field">
                <span>{t('business_hours.holidays')}</span>
                <textarea
                  rows={3}
                  value={holidays}
                  data-testid="business-hours-holidays"
                  onChange={(e) => setHolidays(e.target.value)}
                />
              </label>
            </>
          )}
          <button type="submit" className="button button--small" data-testid="business-hours-save">
            {t('business_hours.save')}
          </button>
          {message && (
            <p
              className={message.error ? 'form-error' : 'settings-hint'}
              role={message.error ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
