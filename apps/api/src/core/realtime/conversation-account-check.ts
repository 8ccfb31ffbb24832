import { Injectable } from '@nestjs/common';
import type { ConversationViewer } from '../../modules/access/conversation-viewer';
import { ConversationsRepository } from '../../modules/conversations/conversations.repository';

const MAX_ENTRIES = 10_000;

/**
 * Whether an operator may name a conversation on their socket: it belongs to their account and
 * to an inbox they may work. Socket events carry ids the client chose, so every one is checked
 * before anything is broadcast. A conversation never changes account, so its account is
 * remembered (the cache is dropped when it grows too big) and answers admins at once; an agent's
 * inbox access can change at any moment, so it is asked every time.
 */
@Injectable()
export class ConversationAccountCheck {
  private readonly owners = new Map<string, string>();

  constructor(private readonly conversations: ConversationsRepository) {}

  async belongsTo(viewer: ConversationViewer, conversationId: string): Promise<boolean> {
    const known = this.owners.get(conversationId);
    if (known !== undefined && known !== viewer.accountId) return false;
    if (known !== undefined && viewer.role === 'admin') return true;
    if (!(await this.conversations.isVisibleTo(viewer, conversationId))) return false;
    if (this.owners.size >= MAX_ENTRIES) this.owners.clear();
    this.owners.set(conversationId, viewer.accountId);
    return true;
  }
}
