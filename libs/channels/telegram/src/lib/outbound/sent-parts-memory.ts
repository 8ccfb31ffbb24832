/** What one outbound message has delivered so far. */
export interface SentParts {
  chatId: number;
  /** Telegram message ids of the parts already accepted, in order. */
  messageIds: number[];
  /** How many parts the message has in all. */
  total: number;
}

/**
 * Telegram has no idempotency key, so the adapter remembers, per outbound message, which parts
 * Telegram already accepted. A retried send resumes at the next part instead of repeating the
 * first, and a complete one answers with its id without sending. In memory and bounded (least
 * recently used goes first): it covers the core's retries, which come within minutes.
 */
export class SentPartsMemory {
  private readonly entries = new Map<string, SentParts>();

  constructor(private readonly capacity = 10_000) {}

  get(key: string): SentParts | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Records one more accepted part (creating the entry on the first). */
  record(key: string, chatId: number, total: number, messageId: number): void {
    const entry = this.get(key) ?? { chatId, messageIds: [], total };
    entry.messageIds.push(messageId);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
