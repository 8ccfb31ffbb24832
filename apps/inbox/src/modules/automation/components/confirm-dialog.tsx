import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';

/**
 * A modal question. Focus starts on the safe answer, Tab cycles inside the dialog, Escape cancels,
 * and focus returns to where it was when the dialog closes.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus();
  }, []);
  useModalFocus(ref);

  // Tab cycling and giving focus back are the shared dialog behaviour (useModalFocus).
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') onCancel();
  };

  return (
    <div className="dialog-backdrop" onClick={onCancel}>
      <div
        ref={ref}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="confirm-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" className="button" data-autofocus onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
