import { useEffect } from 'react';
import { useRoutingStore } from '../store/routing-store';
import { OperatorLoadPanel } from './operator-load-panel';
import { RoutingQueuePanel } from './routing-queue-panel';

/** How long the load is trusted without a queue change (presence and closes elsewhere move it). */
const LOAD_REFRESH_MS = 10_000;

/** The People screen's routing part: operators online with their load, and the queue. */
export function RoutingOverview() {
  useEffect(() => {
    void useRoutingStore.getState().refresh();
    const timer = setInterval(() => void useRoutingStore.getState().refresh(), LOAD_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="routing-overview">
      <OperatorLoadPanel />
      <RoutingQueuePanel />
    </div>
  );
}
