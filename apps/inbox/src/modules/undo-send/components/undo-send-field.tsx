import { UNDO_SEND_CHOICES } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t, tp } from '../../../i18n/i18n';
import { undoSendApi } from '../api/undo-send-api';

/** The profile's Undo send delay: loaded when the dialog opens, saved with the rest of it. */
export function useUndoSendDelay() {
  const [seconds, setSeconds] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<number | null>(null);
  useEffect(() => {
    let cancelled = false;
    undoSendApi
      .settings()
      .then((s) => {
        if (cancelled) return;
        setSeconds(s.seconds);
        setLoaded(s.seconds);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return {
    seconds,
    setSeconds,
    /** Saves only a change (the dialog saves every field in one go). */
    save: async () => {
      if (seconds === null || seconds === loaded) return;
      await undoSendApi.saveSettings(seconds);
      setLoaded(seconds);
    },
  };
}

export function UndoSendField({ delay }: { delay: ReturnType<typeof useUndoSendDelay> }) {
  const { seconds, setSeconds } = delay;
  // A delay set over the API (say 3 s) is shown as it is, beside the usual choices.
  const choices: number[] =
    seconds === null || (UNDO_SEND_CHOICES as readonly number[]).includes(seconds)
      ? [...UNDO_SEND_CHOICES]
      : [...UNDO_SEND_CHOICES, seconds].sort((a, b) => a - b);
  return (
    <label className="field">
      <span>{t('profile.undo_send')}</span>
      <select
        name="undoSendSeconds"
        value={seconds ?? ''}
        disabled={seconds === null}
        aria-describedby="undo-send-hint"
        onChange={(e) => setSeconds(Number(e.target.value))}
      >
        {seconds === null && <option value="" />}
        {choices.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? t('profile.undo_send.off') : tp('profile.undo_send.seconds', s)}
          </option>
        ))}
      </select>
      <small id="undo-send-hint" className="dialog__hint">
        {t('profile.undo_send.hint')}
      </small>
    </label>
  );
}
