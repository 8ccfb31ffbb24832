import { parseTwilioAddress, type TwilioAddress } from './twilio-address';
import type { FakeTwilioTemplate } from './fake-twilio-types';
import { matchesRequest } from './path-pattern';
import { RequestRate } from './request-rate';
import type { InboundMessage, OutboundMessage } from './stored-message';
import { placeholderNames } from './content-template';
import type { TwilioApiError } from './twilio-api-error';

export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface Sender {
  address: TwilioAddress;
  inboundUrl: string;
}

export interface StoredTemplate extends Required<Omit<FakeTwilioTemplate, 'rejectionReason'>> {
  rejectionReason: string;
  createdAt: number;
}

interface InjectedFailure {
  error: TwilioApiError;
  remaining: number;
  pattern: string;
}

/** Everything Twilio knows about one account; shared by the HTTP side and the test's handle. */
export class AccountState {
  readonly senders = new Map<string, Sender>();
  readonly templates = new Map<string, StoredTemplate>();
  readonly outbound: OutboundMessage[] = [];
  readonly inbound = new Map<string, InboundMessage>();
  readonly unsubscribed = new Set<string>();
  readonly rate: RequestRate;
  autoStatus = false;
  /** `${sender}|${customer}` → when the customer last wrote to that sender. */
  private readonly lastCustomerMessage = new Map<string, number>();
  private readonly calls: { method: string; path: string }[] = [];
  private readonly failures: InjectedFailure[] = [];

  constructor(
    readonly sid: string,
    readonly authToken: string,
    readonly friendlyName: string,
    readonly createdAt: number,
    rateLimitPerSecond: number,
  ) {
    this.rate = new RequestRate(rateLimitPerSecond);
  }

  addSender(raw: string, inboundUrl: string): void {
    const address = parseTwilioAddress(raw);
    if (!address) {
      throw new Error(`FakeTwilio.addSender: "${raw}" is not "whatsapp:+E164" or "+E164"`);
    }
    this.senders.set(raw, { address, inboundUrl });
  }

  addTemplate(template: FakeTwilioTemplate, now: number): void {
    const variables =
      template.variables ??
      Object.fromEntries(placeholderNames(template.body).map((name) => [name, `sample_${name}`]));
    this.templates.set(template.sid, {
      ...template,
      variables,
      category: template.category ?? 'UTILITY',
      rejectionReason:
        template.rejectionReason ?? (template.approval === 'rejected' ? 'Template rejected' : ''),
      createdAt: now,
    });
  }

  message(sid: string): OutboundMessage | undefined {
    return this.outbound.find((message) => message.sid === sid);
  }

  // ---- the WhatsApp 24-hour window ----

  noteCustomerMessage(sender: string, customer: string, at: number): void {
    this.lastCustomerMessage.set(`${sender}|${customer}`, at);
  }

  /** Sets the customer's last message time towards every WhatsApp sender of the account. */
  setLastCustomerMessage(customer: string, at: number): void {
    for (const [raw, sender] of this.senders) {
      if (sender.address.channel === 'whatsapp') this.noteCustomerMessage(raw, customer, at);
    }
  }

  windowOpen(sender: string, customer: string, now: number): boolean {
    const last = this.lastCustomerMessage.get(`${sender}|${customer}`);
    return last !== undefined && now - last < WHATSAPP_WINDOW_MS;
  }

  // ---- requests, injected failures ----

  recordCall(method: string, path: string): void {
    this.calls.push({ method, path });
  }

  callCount(pattern: string): number {
    return this.calls.filter((call) => matchesRequest(pattern, call.method, call.path)).length;
  }

  injectFailure(error: TwilioApiError, times: number, pattern: string): void {
    this.failures.push({ error, remaining: times, pattern });
  }

  /** The injected error this request must fail with, if any (each use counts down). */
  takeFailure(method: string, path: string): TwilioApiError | null {
    const failure = this.failures.find(
      (f) => f.remaining > 0 && matchesRequest(f.pattern, method, path),
    );
    if (!failure) return null;
    failure.remaining -= 1;
    return failure.error;
  }
}
