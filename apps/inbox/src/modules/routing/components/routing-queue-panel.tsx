import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useRoutingStore } from '../store/routing-store';
import { waitTime } from './wait-time';
import '../routing.css';

/** The teams' queues: who waits, in order, for how long (live: the stream re-reads it). */
export function RoutingQueuePanel() {
  const queue = useRoutingStore((s) => s.queue);
  const loadError = useRoutingStore((s) => s.loadError);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);

  return (
    <section className="routing-queue" data-testid="routing-queue">
      <h3>{t('routing.queue.title')}</h3>
      <p className="settings-hint">{t('routing.queue.hint')}</p>
      {loadError && (
        <p className="form-error" role="alert">
          {t('routing.queue.failed', { message: loadError })}
        </p>
      )}
      {queue.length === 0 ? (
        <p className="settings-hint" data-testid="routing-queue-empty">
          {t('routing.queue.empty')}
        </p>
      ) : (
        <ol className="routing-queue__list">
          {queue.map((entry) => (
            <li
              key={entry.conversationId}
              className="routing-queue__row"
              data-testid="routing-queue-row"
              data-conversation={entry.conversationId}
            >
              <span className="routing-queue__position">
                {t('routing.queue.position', { position: entry.position })}
              </span>
              <span className="routing-queue__team">{entry.teamName}</span>
              <span className="routing-queue__who">
                #{entry.number} <bdi>{entry.contactName ?? ''}</bdi>
              </span>
              <span className="routing-queue__preview" dir="auto">
                {entry.preview ?? ''}
              </span>
              <span className="routing-queue__wait" data-testid="routing-queue-wait">
                {t('routing.queue.waiting', {
                  duration: waitTime(new Date(entry.enqueuedAt), now),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
