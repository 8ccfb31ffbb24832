import { Injectable } from '@nestjs/common';
import { VisitorHistoryService } from '../services/visitor-history.service';

const MAX_ENTRIES = 5_000;

/**
 * Conversation → visitor lookups for fan-out. A conversation's identity never changes, so
 * answers are cached; the cache is simply dropped when it grows too big.
 */
@Injectable()
export class ConversationRooms {
  private readonly cache = new Map<string, { inboxId: string; visitorKey: string } | null>();

  constructor(private readonly history: VisitorHistoryService) {}

  async visitorOf(conversationId: string): Promise<{ inboxId: string; visitorKey: string } | null> {
    const hit = this.cache.get(conversationId);
    if (hit !== undefined) return hit;
    const value = await this.history.visitorOfConversation(conversationId);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(conversationId, value);
    return value;
  }
}
