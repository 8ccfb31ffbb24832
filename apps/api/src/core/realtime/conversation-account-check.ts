import { Injectable } from '@nestjs/common';
import { ConversationsRepository } from '../../modules/conversations/conversations.repository';

const MAX_ENTRIES = 10_000;

/**
 * Whether a conversation id a socket names belongs to the operator's account. Socket events carry
 * ids the client chose, so every one is checked before anything is broadcast. A conversation
 * never changes account, so a yes is remembered (the cache is dropped when it grows too big);
 * a no is asked again, since the id may simply not exist yet.
 */
@Injectable()
export class ConversationAccountCheck {
  private readonly owners = new Map<string, string>();

  constructor(private readonly conversations: ConversationsRepository) {}

  async belongsTo(accountId: string, conversationId: string): Promise<boolean> {
    const known = this.owners.get(conversationId);
    if (known !== undefined) return known === accountId;
    if (!(await this.conversations.existsInAccount(accountId, conversationId))) return false;
    if (this.owners.size >= MAX_ENTRIES) this.owners.clear();
    this.owners.set(conversationId, accountId);
    return true;
  }
}
