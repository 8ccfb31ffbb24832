import { Injectable } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import type { ConversationViewer } from '../../modules/access/conversation-viewer';
import { ConversationsRepository } from '../../modules/conversations/conversations.repository';

/** What each agent may see of one batch's conversations, read once for all its sockets. */
export class BatchVisibility {
  constructor(private readonly seen: Map<string, Set<string>>) {}

  /** The events this operator may receive; null for an agent the batch was not read for. */
  filter(viewer: ConversationViewer, events: StreamEvent[]): StreamEvent[] | null {
    if (viewer.role === 'admin') return events;
    const ids = this.seen.get(viewer.id);
    if (!ids) return null;
    return events.filter((e) => !e.conversationId || ids.has(e.conversationId));
  }
}

/**
 * Which stream events an operator may receive: an agent only those of conversations in inboxes
 * they may work (the same rule as every REST read); events without a conversation pass, and
 * admins get everything. Asked per batch, never cached: access can change at any moment.
 */
@Injectable()
export class StreamAccessFilter {
  constructor(private readonly conversations: ConversationsRepository) {}

  async visible(viewer: ConversationViewer, events: StreamEvent[]): Promise<StreamEvent[]> {
    if (viewer.role === 'admin') return events;
    const ids = conversationIds(events);
    if (ids.length === 0) return events;
    const seen = await this.conversations.visibleAmong(viewer, ids);
    return events.filter((e) => !e.conversationId || seen.has(e.conversationId));
  }

  /**
   * The same rule for every operator of the account a live batch goes to, in one read: with 500
   * agents connected, one statement per event instead of 500.
   */
  async forBatch(
    accountId: string,
    viewers: Iterable<ConversationViewer>,
    events: StreamEvent[],
  ): Promise<BatchVisibility> {
    const agents = new Set<string>();
    for (const v of viewers) if (v.role !== 'admin' && v.accountId === accountId) agents.add(v.id);
    const seen = await this.conversations.visibleToEach(
      accountId,
      [...agents],
      conversationIds(events),
    );
    return new BatchVisibility(seen);
  }
}

function conversationIds(events: StreamEvent[]): string[] {
  return [...new Set(events.flatMap((e) => (e.conversationId ? [e.conversationId] : [])))];
}
