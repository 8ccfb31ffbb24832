import {
  MAX_TASK_DESCRIPTION_LENGTH,
  MAX_TASK_TITLE_LENGTH,
  type TaskDto,
} from '@switchboard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { currentTimeZone } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../../shared/time/zoned-time';
import { useAuthStore } from '../../auth/store/auth-store';
import { usePeopleStore } from '../../people/store/people-store';
import { createTask, updateTask } from '../store/task-commands';
import { useTaskDialogStore, type TaskDialogRequest } from '../store/task-dialog-store';
import { defaultDueAt } from '../utils/default-due';
import { errorText } from '../../../shared/api/error-text';

/** The create/edit dialog, wherever it was asked for (a message, a header, the Tasks screen). */
export function TaskDialogHost() {
  const request = useTaskDialogStore((s) => s.request);
  if (!request) return null;
  const key =
    request.mode === 'edit' ? request.task.id : `${request.conversationId}:${request.messageId}`;
  return (
    <TaskDialog key={key} request={request} onClose={() => useTaskDialogStore.getState().close()} />
  );
}

function initialFields(request: TaskDialogRequest, me: string) {
  const zone = currentTimeZone();
  if (request.mode === 'edit') {
    const task: TaskDto = request.task;
    return {
      title: task.title,
      description: task.description,
      assigneeId: task.assignee.id,
      due: toDateTimeLocalValue(new Date(task.dueAt), zone),
    };
  }
  return {
    title: request.title.slice(0, MAX_TASK_TITLE_LENGTH),
    description: '',
    assigneeId: me,
    due: toDateTimeLocalValue(defaultDueAt(new Date()), zone),
  };
}

/**
 * Title (prefilled from the message), description, assignee (me or a colleague) and due date and
 * time, entered on the operator's own clock (their profile's time zone) and sent as an instant.
 * The server's refusal (an assignee without access, a time in the past) is shown as it says it.
 */
function TaskDialog({ request, onClose }: { request: TaskDialogRequest; onClose: () => void }) {
  const operator = useAuthStore((s) => s.operator);
  const members = usePeopleStore((s) => s.members);
  const me = operator?.id ?? '';
  const [fields, setFields] = useState(() => initialFields(request, me));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const zone = currentTimeZone();

  useEffect(() => {
    titleRef.current?.focus();
    if (!usePeopleStore.getState().loaded) void usePeopleStore.getState().load();
  }, []);

  const colleagues = members.filter((m) => m.active && m.id !== me);
  const set = (patch: Partial<typeof fields>) => setFields((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const due = fromDateTimeLocalValue(fields.due, zone);
    if (!due) return setError(t('tasks.dialog.due_invalid'));
    if (due.getTime() <= Date.now()) return setError(t('tasks.dialog.due_past'));
    setBusy(true);
    setError(null);
    const common = {
      title: fields.title.trim(),
      description: fields.description.trim(),
      assigneeId: fields.assigneeId,
      dueAt: due.toISOString(),
    };
    try {
      if (request.mode === 'edit') await updateTask(request.task.id, common);
      else
        await createTask({
          ...common,
          ...(request.messageId
            ? { fromMessageId: request.messageId }
            : { conversationIds: [request.conversationId] }),
        });
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
        className="dialog task-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="task-dialog-title"
        data-testid="task-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={submit}
      >
        <h2 id="task-dialog-title">
          {t(request.mode === 'edit' ? 'tasks.dialog.edit_title' : 'tasks.dialog.create_title')}
        </h2>
        <label className="field">
          <span>{t('tasks.dialog.title')}</span>
          <input
            ref={titleRef}
            name="title"
            required
            maxLength={MAX_TASK_TITLE_LENGTH}
            value={fields.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('tasks.dialog.description')}</span>
          <textarea
            name="description"
            rows={3}
            maxLength={MAX_TASK_DESCRIPTION_LENGTH}
            value={fields.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('tasks.dialog.assignee')}</span>
          <select
            name="assigneeId"
            value={fields.assigneeId}
            onChange={(e) => set({ assigneeId: e.target.value })}
          >
            <option value={me}>{t('tasks.dialog.me', { name: operator?.name ?? '' })}</option>
            {colleagues.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('tasks.dialog.due')}</span>
          <input
            name="dueAt"
            type="datetime-local"
            required
            value={fields.due}
            onChange={(e) => set({ due: e.target.value })}
          />
          <small className="dialog__hint">{t('tasks.dialog.timezone', { zone })}</small>
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="task-dialog-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? t('tasks.dialog.saving') : t('tasks.dialog.save')}
          </button>
          <button className="button" type="button" onClick={onClose}>
            {t('tasks.dialog.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
