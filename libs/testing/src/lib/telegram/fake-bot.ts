import { CustomerUpdates } from './customer-updates';
import type { CallbackQueryRecord } from './inline-keyboards';
import type {
  TelegramChatAction,
  FakeBot,
  TelegramInjectedError,
  SentMessage,
  TelegramWebhookSettings,
} from './fake-bot-types';

/** The test's handle on one bot; the state it acts on is shared with the HTTP side. */
export class FakeBotHandle extends CustomerUpdates implements FakeBot {
  get token(): string {
    return this.state.identity.token;
  }

  get id(): number {
    return this.state.identity.id;
  }

  get username(): string {
    return this.state.identity.username;
  }

  revoke(): void {
    this.state.revoked = true;
  }

  // ---- inspection ----

  get sent(): readonly SentMessage[] {
    return this.state.sent;
  }

  get callbackQueries(): readonly CallbackQueryRecord[] {
    return [...this.state.callbackQueries.values()];
  }

  sentTo(chatId: number): SentMessage[] {
    return this.state.sent.filter((message) => message.chatId === chatId);
  }

  get chatActions(): readonly TelegramChatAction[] {
    return this.state.chatActions;
  }

  get webhook(): TelegramWebhookSettings | null {
    return this.state.webhook ? { ...this.state.webhook } : null;
  }

  get webhookDeliveries(): number {
    return this.state.webhookDeliveries;
  }

  get pendingUpdateCount(): number {
    return this.state.queue.size;
  }

  get rateLimitViolations(): number {
    return this.state.rateLimitViolations;
  }

  callCount(method: string): number {
    return this.state.callCount(method);
  }

  get activePolls(): number {
    return this.state.poll.activeCount;
  }

  get activePollConnections(): number {
    return this.state.poll.activeConnections;
  }

  get pollConflicts(): number {
    return this.state.poll.conflicts;
  }

  // ---- fault injection ----

  failNext(method: string, error: TelegramInjectedError, times = 1): void {
    this.state.injectFailure(method, error, times);
  }

  markBlocked(userId: number): void {
    this.state.chats.block(userId);
  }

  async waitFor(predicate: (bot: FakeBot) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline)
        throw new Error(`FakeBot.waitFor: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
