import type { MessageKey } from '../../../i18n/en';
import { t } from '../../../i18n/i18n';
import { useStreamStore, type ConnectionStatus } from '../store/stream-store';

const LABELS: Record<ConnectionStatus, MessageKey> = {
  idle: 'connection.connecting',
  connecting: 'connection.connecting',
  catching_up: 'connection.catching_up',
  live: 'connection.live',
  reconnecting: 'connection.reconnecting',
};

export function ConnectionIndicator() {
  const status = useStreamStore((s) => s.status);
  return (
    <div
      className="connection"
      data-testid="connection-status"
      data-status={status}
      role="status"
      aria-live="polite"
    >
      <span className="connection__dot" aria-hidden="true" />
      <span>{t(LABELS[status])}</span>
    </div>
  );
}
