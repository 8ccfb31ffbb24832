import { asWhatsappAddress } from './twilio-address';
import type { AccountState } from './account-state';
import { customerMessage } from './customer-message';
import type {
  FakeTwilioAccount,
  FakeTwilioCustomerMessageOptions,
  FakeTwilioCustomerMessageResult,
  FakeTwilioInjectedError,
  FakeTwilioMessage,
  FakeTwilioMessageStatus,
  FakeTwilioSignOptions,
  FakeTwilioStatusCallbackOptions,
  FakeTwilioTemplate,
} from './fake-twilio-types';
import type { MediaStore } from './media-store';
import { defaultStatusSequence } from './status-callbacks';
import type { StatusReporter } from './status-reporter';
import { TwilioApiError } from './twilio-api-error';
import { isSid } from './twilio-sids';
import { twilioSignature } from './twilio-signature';
import type { WebhookPoster } from './webhook-poster';

export interface AccountHandleDeps {
  media: MediaStore;
  poster: WebhookPoster;
  reporter: StatusReporter;
  apiOrigin: string;
  clock: () => number;
}

/** The test's handle on one account; the state it acts on is shared with the HTTP side. */
export class FakeTwilioAccountHandle implements FakeTwilioAccount {
  constructor(
    private readonly state: AccountState,
    private readonly deps: AccountHandleDeps,
  ) {}

  get sid(): string {
    return this.state.sid;
  }

  get authToken(): string {
    return this.state.authToken;
  }

  get messages(): readonly FakeTwilioMessage[] {
    return this.state.outbound;
  }

  addSender(address: string, webhooks: { inboundUrl: string }): void {
    this.state.addSender(address, webhooks.inboundUrl);
  }

  addTemplate(template: FakeTwilioTemplate): void {
    if (!isSid(template.sid, 'HX')) {
      throw new Error(`FakeTwilio.addTemplate: "${template.sid}" is not HX + 32 hex digits`);
    }
    this.state.addTemplate(template, this.deps.clock());
  }

  unsubscribe(address: string): void {
    this.state.unsubscribed.add(address);
  }

  expireMedia(mediaSid: string): void {
    if (!this.deps.media.expire(this.state.sid, mediaSid)) {
      throw new Error(`FakeTwilio.expireMedia: ${this.state.sid} has no media ${mediaSid}`);
    }
  }

  // ---- customer side ----

  async customerSays(
    from: string,
    to: string,
    body: string,
    opts: FakeTwilioCustomerMessageOptions = {},
  ): Promise<FakeTwilioCustomerMessageResult> {
    const message = customerMessage(
      this.state,
      this.deps.media,
      this.deps.apiOrigin,
      { from, to, body, opts },
      this.deps.clock(),
    );
    const answer = await this.post(message.inboundUrl, message.params);
    return { ...answer, params: message.params, messageSid: message.messageSid };
  }

  post(
    url: string,
    params: Record<string, string>,
    sign: FakeTwilioSignOptions = {},
  ): Promise<{ status: number; body: string }> {
    const signature =
      sign.signature !== undefined
        ? sign.signature
        : twilioSignature(sign.token ?? this.state.authToken, sign.signatureFor ?? url, params);
    return this.deps.poster.post(url, params, signature);
  }

  // ---- the 24-hour window ----

  ageWindow(customer: string, ms: number): void {
    this.state.setLastCustomerMessage(asWhatsappAddress(customer), this.deps.clock() - ms);
  }

  // ---- status callbacks ----

  sendStatusCallbacks(
    messageSid: string,
    statuses?: FakeTwilioMessageStatus[],
    opts: FakeTwilioStatusCallbackOptions = {},
  ): Promise<number[]> {
    const message = this.state.message(messageSid);
    if (!message) throw new Error(`FakeTwilio.sendStatusCallbacks: no message ${messageSid}`);
    if (!message.statusCallback) {
      throw new Error(
        `FakeTwilio.sendStatusCallbacks: ${messageSid} was sent without StatusCallback`,
      );
    }
    return this.deps.reporter.report(
      this.state,
      message,
      statuses ?? defaultStatusSequence(message),
      opts,
    );
  }

  autoStatus(enabled: boolean): void {
    this.state.autoStatus = enabled;
  }

  // ---- fault injection, inspection ----

  failNext(error: FakeTwilioInjectedError, times = 1, pathPattern = 'POST **Messages.json'): void {
    this.state.injectFailure(
      new TwilioApiError(
        error.status,
        error.code,
        error.message,
        error.status === 429 ? { 'Retry-After': '1' } : {},
      ),
      times,
      pathPattern,
    );
  }

  callCount(pathPattern: string): number {
    return this.state.callCount(pathPattern);
  }

  async waitFor(
    predicate: (account: FakeTwilioAccount) => boolean,
    timeoutMs = 10_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) {
        throw new Error(`FakeTwilioAccount.waitFor: condition not met within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
