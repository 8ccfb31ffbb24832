import type { Update } from './fake-bot-types';

/** What Telegram sends when allowed_updates is unset or empty: everything but these. */
const NOT_SENT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface QueuedUpdate {
  update: Update;
  /** A test's redelivery: returned once by getUpdates even below the confirmed offset. */
  redelivery: boolean;
}

/** The kind of an update: its one field besides update_id. */
export function updateType(update: Record<string, unknown>): string | null {
  return Object.keys(update).find((key) => key !== 'update_id') ?? null;
}

/**
 * A bot's pending updates, in the order they happened, until getUpdates confirms them (offset) or
 * the webhook acknowledges them (2xx).
 */
export class UpdateQueue {
  private items: QueuedUpdate[] = [];
  private readonly listeners = new Set<() => void>();
  /** Set by setWebhook / getUpdates; null means Telegram's default. */
  allowedUpdates: string[] | null = null;

  get size(): number {
    return this.items.length;
  }

  /**
   * Queues an update as Telegram would: one of a type the bot did not ask for is never stored
   * (allowed_updates applies from when it is set), unless `bypassFilter` (a test's raw delivery).
   */
  push(update: Update, options: { redelivery?: boolean; bypassFilter?: boolean } = {}): boolean {
    if (!options.bypassFilter && !this.isAllowed(update)) return false;
    this.items.push({ update, redelivery: options.redelivery ?? false });
    for (const listener of [...this.listeners]) listener();
    return true;
  }

  private isAllowed(update: Update): boolean {
    const type = updateType(update);
    if (type === null) return true;
    const allowed = this.allowedUpdates;
    return allowed && allowed.length > 0 ? allowed.includes(type) : !NOT_SENT_BY_DEFAULT.has(type);
  }

  /** getUpdates' offset: forget updates below it; a negative one keeps only the last -offset. */
  confirm(offset: number): void {
    if (offset < 0) {
      this.items = this.items.slice(offset);
      return;
    }
    this.items = this.items.filter((item) => item.redelivery || item.update.update_id >= offset);
  }

  /** Up to `limit` updates for getUpdates; they stay queued until confirmed (redeliveries go now). */
  peek(limit: number): Update[] {
    const batch = this.items.slice(0, limit);
    this.items = this.items.filter((item) => !(item.redelivery && batch.includes(item)));
    return batch.map((item) => item.update);
  }

  /** The oldest pending update, for the webhook. */
  head(): Update | undefined {
    return this.items[0]?.update;
  }

  /** The webhook acknowledged this update. */
  remove(update: Update): void {
    const index = this.items.findIndex((item) => item.update === update);
    if (index >= 0) this.items.splice(index, 1);
  }

  clear(): void {
    this.items = [];
  }

  /** Calls `listener` whenever an update is queued; returns the unsubscribe function. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
