import { Injectable } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import type { ConversationViewer } from '../../modules/access/conversation-viewer';
import { ConversationsRepository } from '../../modules/conversations/conversations.repository';

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
    const ids = [...new Set(events.flatMap((e) => (e.conversationId ? [e.conversationId] : [])))];
    if (ids.length === 0) return events;
    const seen = await this.conversations.visibleAmong(viewer, ids);
    return events.filter((e) => !e.conversationId || seen.has(e.conversationId));
  }
}
