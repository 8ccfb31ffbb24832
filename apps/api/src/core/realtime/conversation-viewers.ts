import {
  VIEWING_TTL_MS,
  type ConversationViewer,
  type ViewerActivity,
} from '@switchboard/contracts';

/**
 * One tab's word that it has a conversation open (or, with `activity: null`, that it closed it).
 * Tabs are keyed by their socket id, which is unique across instances.
 */
export interface ViewingSignal {
  conversationId: string;
  socketId: string;
  operatorId: string;
  name: string | null;
  activity: ViewerActivity | null;
}

interface Entry {
  operatorId: string;
  name: string | null;
  activity: ViewerActivity;
  expiresAt: number;
}

/** A colleague writing counts for more than one reading, whichever tab says so. */
const WEIGHT: Record<ViewerActivity, number> = { viewing: 0, noting: 1, replying: 2 };

/**
 * Who has which conversation of one account open, as every instance hears it from the signal
 * channel. Nothing is stored: a tab that stops sending heartbeats drops out after the TTL, so a
 * tab that died without a goodbye (a killed browser, a crashed instance) does not linger.
 */
export class ConversationViewers {
  private readonly byConversation = new Map<string, Map<string, Entry>>();

  constructor(private readonly ttlMs = VIEWING_TTL_MS) {}

  /** Applies a signal; true when the conversation's list of viewers may have changed. */
  apply(signal: ViewingSignal, now = Date.now()): boolean {
    let tabs = this.byConversation.get(signal.conversationId);
    if (signal.activity === null) {
      const removed = tabs?.delete(signal.socketId) ?? false;
      if (tabs?.size === 0) this.byConversation.delete(signal.conversationId);
      return removed;
    }
    if (!tabs) this.byConversation.set(signal.conversationId, (tabs = new Map()));
    const before = tabs.get(signal.socketId);
    tabs.set(signal.socketId, {
      operatorId: signal.operatorId,
      name: signal.name,
      activity: signal.activity,
      expiresAt: now + this.ttlMs,
    });
    return before?.activity !== signal.activity;
  }

  /** Forgets tabs whose heartbeats stopped; returns the conversations that changed. */
  expire(now = Date.now()): string[] {
    const changed: string[] = [];
    for (const [conversationId, tabs] of this.byConversation) {
      let any = false;
      for (const [socketId, entry] of tabs)
        if (entry.expiresAt <= now) {
          tabs.delete(socketId);
          any = true;
        }
      if (tabs.size === 0) this.byConversation.delete(conversationId);
      if (any) changed.push(conversationId);
    }
    return changed;
  }

  /** One line per operator (several tabs collapse), the busiest activity winning. */
  viewersOf(conversationId: string): ConversationViewer[] {
    const byOperator = new Map<string, ConversationViewer>();
    for (const entry of this.byConversation.get(conversationId)?.values() ?? []) {
      const seen = byOperator.get(entry.operatorId);
      if (!seen || WEIGHT[entry.activity] > WEIGHT[seen.activity])
        byOperator.set(entry.operatorId, {
          operatorId: entry.operatorId,
          name: entry.name,
          activity: entry.activity,
        });
    }
    return [...byOperator.values()].sort((a, b) => a.operatorId.localeCompare(b.operatorId));
  }
}
