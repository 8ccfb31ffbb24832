import { useToastStore, type Toast } from './toast-store';

/** One toast; its action button (e.g. "Undo") is reachable by Tab and keeps the toast while focused. */
function ToastItem({ toast }: { toast: Toast }) {
  const { action } = toast;
  const store = useToastStore.getState;
  return (
    <div
      className={`toast toast--${toast.tone}`}
      data-testid="toast"
      onFocus={() => store().hold(toast.id)}
      onBlur={() => store().release(toast.id)}
    >
      <span>{toast.text}</span>
      {action && (
        <button
          type="button"
          className="toast__action"
          data-testid="toast-action"
          onClick={() => {
            store().dismiss(toast.id);
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
