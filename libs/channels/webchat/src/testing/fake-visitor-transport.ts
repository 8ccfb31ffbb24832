import type {
  FollowUpEmail,
  FollowUpTarget,
  VisitorDelivery,
  VisitorTransport,
} from '../lib/visitor-transport';

/**
 * In-memory stand-in for the API's transport: visitors who are "online", an outbox of follow-up
 * emails, and a switch to fail like a mail server that is down. Dedupes by message key the way the
 * widget (by message id) and the API (follow-up log) do.
 */
export class FakeVisitorTransport implements VisitorTransport {
  readonly online = new Set<string>();
  readonly targets = new Map<string, FollowUpTarget>();
  readonly live: VisitorDelivery[] = [];
  readonly emails: FollowUpEmail[] = [];
  private failNext: Error | null = null;

  failNextWith(error: Error): void {
    this.failNext = error;
  }

  async deliverLive(delivery: VisitorDelivery): Promise<boolean> {
    this.throwIfFailing();
    if (!this.online.has(delivery.visitorExternalId)) return false;
    this.live.push(delivery);
    return true;
  }

  async followUpTarget(delivery: VisitorDelivery): Promise<FollowUpTarget | null> {
    return this.targets.get(delivery.visitorExternalId) ?? null;
  }

  async sendFollowUp(email: FollowUpEmail, delivery: VisitorDelivery): Promise<void> {
    if (this.emails.some((e) => e.messageId === email.messageId)) return;
    void delivery;
    this.emails.push(email);
  }

  /** Distinct messages that reached the visitor (live or by email) for one key. */
  deliveredCount(messageKey: string): number {
    const live = new Set(
      this.live.filter((d) => d.messageKey === messageKey).map((d) => d.messageKey),
    );
    const mailed = this.emails.filter((e) => e.messageId.includes(`.${messageKey}@`)).length;
    return live.size + mailed;
  }

  private throwIfFailing(): void {
    const error = this.failNext;
    this.failNext = null;
    if (error) throw error;
  }
}
