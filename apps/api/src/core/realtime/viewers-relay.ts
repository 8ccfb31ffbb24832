import type { ConversationAccountCheck } from './conversation-account-check';
import { ConversationViewers, type ViewingSignal } from './conversation-viewers';
import type { OperatorSocket } from './operator-socket';

/**
 * Who views what, per account, as heard from every instance on the signal channel. Every instance
 * keeps the list, even with no socket of the account, to answer newcomers at once.
 */
export class ViewersRelay {
  private readonly viewers = new Map<string, ConversationViewers>();

  constructor(
    private readonly socketsOf: (accountId: string) => Iterable<OperatorSocket>,
    private readonly access: ConversationAccountCheck,
  ) {}

  list(accountId: string, conversationId: string) {
    return this.of(accountId).viewersOf(conversationId);
  }

  /** A tab's viewing signal from any instance; the account's sockets hear the new list. */
  apply(accountId: string, viewing: ViewingSignal): void {
    if (this.of(accountId).apply(viewing)) this.announce(accountId, viewing.conversationId);
  }

  /** Drops tabs whose heartbeats stopped, and tells who remains. */
  sweep(): void {
    for (const [accountId, viewers] of this.viewers)
      for (const conversationId of viewers.expire()) this.announce(accountId, conversationId);
  }

  private of(accountId: string): ConversationViewers {
    let viewers = this.viewers.get(accountId);
    if (!viewers) this.viewers.set(accountId, (viewers = new ConversationViewers()));
    return viewers;
  }

  private announce(accountId: string, conversationId: string): void {
    const viewers = this.list(accountId, conversationId);
    for (const socket of this.socketsOf(accountId)) {
      if (socket.data.operator.role === 'admin') {
        socket.emit('viewers', { conversationId, viewers });
        continue;
      }
      // Who views a conversation is news only to those who may see it (inbox access).
      void this.access
        .belongsTo(socket.data.operator, conversationId)
        .then((ok) => ok && socket.emit('viewers', { conversationId, viewers }))
        .catch(() => undefined);
    }
  }
}
