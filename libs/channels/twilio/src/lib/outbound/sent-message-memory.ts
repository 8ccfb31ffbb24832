/**
 * Twilio's Messages API has no idempotency key, so the adapter remembers which message SID each
 * outbound message got: a repeated send answers with that SID instead of sending again. In memory
 * and bounded (least recently used goes first): it covers the core's retries, which come within
 * minutes of each other.
 */
export class SentMessageMemory {
  private readonly sids = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  get(key: string): string | undefined {
    const sid = this.sids.get(key);
    if (sid !== undefined) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.sids.delete(key);
      this.sids.set(key, sid);
    }
    return sid;
  }

  remember(key: string, sid: string): void {
    this.sids.delete(key);
    this.sids.set(key, sid);
    while (this.sids.size > this.capacity)
      this.sids.delete(this.sids.keys().next().value as string);
  }

  forget(key: string): void {
    this.sids.delete(key);
  }

  get size(): number {
    return this.sids.size;
  }
}
