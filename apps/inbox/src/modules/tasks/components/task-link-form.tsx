import { useId, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { linkTaskToNumber } from '../store/task-commands';
import { errorText } from '../../../shared/api/error-text';

/** "Link conversation": one more conversation for the task, by its number (#1042). */
export function TaskLinkForm({ taskId }: { taskId: string }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  if (!open)
    return (
      <button
        type="button"
        className="link-button task-item__link-open"
        data-testid="task-link-open"
        onClick={() => setOpen(true)}
      >
        {t('tasks.link.open')}
      </button>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await linkTaskToNumber(taskId, value);
      setValue('');
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="task-link-form"
      data-testid="task-link-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('tasks.link.label')}
      </label>
      <input
        id={inputId}
        className="input"
        inputMode="numeric"
        placeholder="#1042"
        maxLength={12}
        autoFocus
        value={value}
        data-testid="task-link-number"
        aria-invalid={error ? true : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy || !value.trim()}>
        {t('tasks.link.submit')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
        {t('tasks.link.cancel')}
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="task-link-error">
          {error}
        </p>
      )}
    </form>
  );
}
