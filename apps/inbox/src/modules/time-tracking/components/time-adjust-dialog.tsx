import {
  MAX_TIME_REASON_LENGTH,
  type ConversationTimeDto,
  type TimeEntryDto,
} from '@switchboard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { formatListStamp } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { timeApi } from '../api/time-api';
import { useTimeStore } from '../store/time-store';
import { formatDuration } from '../utils/format-duration';
import { errorText } from '../../../shared/api/error-text';

function CorrectionItem({ entry }: { entry: TimeEntryDto }) {
  const amount = `${entry.seconds > 0 ? '+' : ''}${formatDuration(entry.seconds)}`;
  return (
    <li data-testid="time-correction">
      <span className="time-dialog__amount">{amount}</span>{' '}
      {t('time.correction', {
        operator: entry.operator.name,
        by: entry.by?.name ?? t('activity.someone'),
      })}
      <q className="time-dialog__reason">{entry.reason}</q>{' '}
      <time className="time-dialog__day" dateTime={entry.startedAt}>
        {formatListStamp(new Date(entry.startedAt))}
      </time>
    </li>
  );
}

/**
 * Corrects tracked time on a conversation: add or remove minutes, with the reason (required).
 * Admins may correct a colleague who has time here. The server's refusal is shown as it says it.
 */
export function TimeAdjustDialog({
  time,
  onClose,
}: {
  time: ConversationTimeDto;
  onClose: () => void;
}) {
  const me = useAuthStore((s) => s.operator);
  const [direction, setDirection] = useState<'add' | 'remove'>('add');
  const [minutes, setMinutes] = useState('');
  const [reason, setReason] = useState('');
  // Empty: today (the server's "now"); a past day dates the work for the reports.
  const [day, setDay] = useState('');
  const [operatorId, setOperatorId] = useState(me?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const colleagues =
    me?.role === 'admin' ? time.operators.filter((o) => o.operator.id !== me.id) : [];
  const corrections = time.entries.filter((e) => e.source === 'manual');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const count = Number(minutes);
    if (!Number.isFinite(count) || count <= 0) return setError(t('time.dialog.minutes_invalid'));
    if (!reason.trim()) return setError(t('time.dialog.reason_required'));
    setBusy(true);
    setError(null);
    try {
      const seconds = Math.round(count * 60) * (direction === 'add' ? 1 : -1);
      const updated = await timeApi.adjust(time.conversationId, {
        seconds,
        reason: reason.trim(),
        ...(operatorId && operatorId !== me?.id ? { operatorId } : {}),
        ...(day ? { day } : {}),
      });
      useTimeStore.getState().receive(updated);
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const dialogRef = useRef<HTMLFormElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <form
        ref={dialogRef}
        className="dialog time-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="time-dialog-title"
        data-testid="time-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
        }}
        onSubmit={submit}
      >
        <h2 id="time-dialog-title">{t('time.dialog.title')}</h2>
        <p className="dialog__hint">
          {t('time.line', {
            total: formatDuration(time.totalSeconds),
            mine: formatDuration(time.mineSeconds),
          })}
        </p>
        <label className="field">
          <span>{t('time.dialog.direction')}</span>
          <select
            ref={first}
            name="direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value === 'remove' ? 'remove' : 'add')}
          >
            <option value="add">{t('time.dialog.add')}</option>
            <option value="remove">{t('time.dialog.remove')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('time.dialog.minutes')}</span>
          <input
            name="minutes"
            type="number"
            inputMode="decimal"
            min="1"
            step="1"
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('time.dialog.day')}</span>
          <input
            name="day"
            type="date"
            max={new Date().toISOString().slice(0, 10)}
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
        </label>
        {colleagues.length > 0 && (
          <label className="field">
            <span>{t('time.dialog.operator')}</span>
            <select
              name="operatorId"
              value={operatorId}
              onChange={(e) => setOperatorId(e.target.value)}
            >
              <option value={me?.id ?? ''}>{t('time.dialog.me')}</option>
              {colleagues.map((o) => (
                <option key={o.operator.id} value={o.operator.id}>
                  {o.operator.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('time.dialog.reason')}</span>
          <textarea
            name="reason"
            rows={2}
            required
            maxLength={MAX_TIME_REASON_LENGTH}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="time-dialog-error">
            {error}
          </p>
        )}
        {corrections.length > 0 && (
          <section aria-labelledby="time-dialog-corrections">
            <h3 id="time-dialog-corrections">{t('time.dialog.corrections')}</h3>
            <ul className="time-dialog__list">
              {corrections.map((entry) => (
                <CorrectionItem key={entry.id} entry={entry} />
              ))}
            </ul>
          </section>
        )}
        <div className="dialog__actions">
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? t('time.dialog.saving') : t('time.dialog.save')}
          </button>
          <button className="button" type="button" onClick={onClose}>
            {t('time.dialog.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
