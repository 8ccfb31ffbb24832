import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EventStreamService } from '../../core/events/event-stream.service';

/** The signal every instance receives when an inbox is paused, resumed or removed. */
export const INBOX_LIFECYCLE_SIGNAL = 'inbox.lifecycle';

export type InboxLifecycleListener = (inboxId: string) => void;

/**
 * Tells every instance at once (LISTEN/NOTIFY) that an inbox was paused, resumed or removed, so
 * the instance running its pull loop stops or starts it now rather than at its next rescan, and
 * cached views of the inbox are dropped. A lost notice is caught by those rescans.
 */
@Injectable()
export class InboxLifecycleSignals implements OnModuleInit {
  private readonly logger = new Logger(InboxLifecycleSignals.name);
  private readonly listeners = new Set<InboxLifecycleListener>();

  constructor(private readonly stream: EventStreamService) {}

  onModuleInit(): void {
    this.stream.onSignal((signal) => {
      if (signal.kind !== INBOX_LIFECYCLE_SIGNAL) return;
      const inboxId = (signal.data as { inboxId?: unknown }).inboxId;
      if (typeof inboxId === 'string') this.dispatch(inboxId);
    });
  }

  onChange(listener: InboxLifecycleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After the change committed: this instance acts at once, the others when the notice arrives. */
  async announce(accountId: string, inboxId: string): Promise<void> {
    this.dispatch(inboxId);
    await this.stream
      .publishSignal({ accountId, kind: INBOX_LIFECYCLE_SIGNAL, data: { inboxId } })
      .catch((err: Error) =>
        this.logger.warn(`Inbox ${inboxId} change not announced: ${err.message}`),
      );
  }

  private dispatch(inboxId: string): void {
    for (const listener of this.listeners) listener(inboxId);
  }
}
