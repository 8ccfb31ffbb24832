/** Public shapes of the Twilio fake (WhatsApp and SMS through Programmable Messaging). */

export type FakeTwilioMessageStatus =
  'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';

export interface FakeTwilioOptions {
  /** Milliseconds since the epoch; drives resource dates and the WhatsApp 24-hour window. */
  clock?: () => number;
  /** REST requests per second and account before Twilio answers 429 / 20429 (default 100). */
  rateLimitPerSecond?: number;
  /** How long a webhook or status callback may take to answer (Twilio: 15 s). */
  webhookTimeoutMs?: number;
}

export interface FakeTwilioAccountInit {
  /** `AC` + 32 hex digits. */
  sid: string;
  authToken: string;
  friendlyName?: string;
  /** Overrides the fake's `rateLimitPerSecond` for this account. */
  rateLimitPerSecond?: number;
}

/** A media file the fake downloaded from a MediaUrl of an outbound message. */
export interface FakeTwilioFetchedMedia {
  status: number;
  contentType: string | null;
  bytes: Buffer;
}

/** Every message the REST API accepted (Messages.create). */
export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  /** The text sent: the Body, or the template's text with its variables filled in. */
  body: string | null;
  mediaUrls: string[];
  statusCallback: string | null;
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  status: FakeTwilioMessageStatus;
  errorCode: number | null;
  /**
   * Bytes the fake fetched from each MediaUrl right after create, like Twilio does (null if
   * the request failed). Empty until every URL was tried, then one entry per URL.
   */
  fetchedMedia: (FakeTwilioFetchedMedia | null)[];
  /** When the fake accepted it, by the fake's clock. */
  createdAt: number;
}

export type FakeTwilioApprovalStatus = 'approved' | 'pending' | 'rejected' | 'unsubmitted';

export interface FakeTwilioTemplate {
  /** `HX` + 32 hex digits. */
  sid: string;
  friendlyName: string;
  language: string;
  /** The `twilio/text` body with `{{1}}`-style placeholders. */
  body: string;
  approval: FakeTwilioApprovalStatus;
  /** Default (sample) values per placeholder; derived from the body when omitted. */
  variables?: Record<string, string>;
  /** WhatsApp template category (default UTILITY). */
  category?: string;
  rejectionReason?: string;
}

export interface FakeTwilioCustomerMessageOptions {
  /** WhatsApp profile name (sent as `ProfileName`, WhatsApp only). */
  profileName?: string;
  media?: { bytes: Buffer; contentType: string }[];
  location?: { latitude: number; longitude: number; label?: string; address?: string };
  /** A quick-reply button answer. */
  buttonText?: string;
  buttonPayload?: string;
  /** The message the customer replied to (WhatsApp reply context). */
  originalRepliedMessageSid?: string;
}

export interface FakeTwilioCustomerMessageResult {
  /** The webhook's HTTP answer (0 when it could not be reached). */
  status: number;
  body: string;
  /** The form parameters Twilio posted. */
  params: Record<string, string>;
  messageSid: string;
}

export interface FakeTwilioSignOptions {
  /** Sign with this token instead of the account's. */
  token?: string;
  /** Sign as if the request went to this URL. */
  signatureFor?: string;
  /** Send exactly this `X-Twilio-Signature` (null: none at all). */
  signature?: string | null;
}

export interface FakeTwilioInjectedError {
  status: number;
  code: number;
  message: string;
}

export interface FakeTwilioStatusCallbackOptions {
  /** Deliver them in a random order that differs from the given one. */
  shuffle?: boolean;
  /** Deliver each callback twice. */
  duplicate?: boolean;
  /** `ErrorCode` of `failed` / `undelivered` callbacks (default 30008, unknown error). */
  errorCode?: number;
}

export interface FakeTwilioAccount {
  readonly sid: string;
  readonly authToken: string;
  /** A number that can send: 'whatsapp:+14155238886' (WhatsApp sender) or '+14155550100' (SMS). */
  addSender(address: string, webhooks: { inboundUrl: string }): void;
  addTemplate(template: FakeTwilioTemplate): void;
  /** `To` addresses (exactly as sent) that opted out: Messages.create answers 21610. */
  unsubscribe(address: string): void;

  // ---- customer side (signed like Twilio: X-Twilio-Signature over the URL + sorted params) ----
  /** The customer writes; POSTs the form webhook to the sender's inboundUrl. */
  customerSays(
    from: string,
    to: string,
    body: string,
    opts?: FakeTwilioCustomerMessageOptions,
  ): Promise<FakeTwilioCustomerMessageResult>;
  /** POST any form to any URL, signed with this account's token unless `sign` says otherwise. */
  post(
    url: string,
    params: Record<string, string>,
    sign?: FakeTwilioSignOptions,
  ): Promise<{ status: number; body: string }>;
  /** Makes a customer's media URL (by its `ME…` SID) answer 404, as after Twilio deleted it. */
  expireMedia(mediaSid: string): void;

  // ---- the 24-hour window (WhatsApp senders only) ----
  /** Pretend the customer's last message was this long ago (the window counts from it). */
  ageWindow(customer: string, ms: number): void;

  // ---- status callbacks ----
  /**
   * Sends the status callbacks of a message (to the StatusCallback it was created with), signed,
   * in order, or shuffled / each twice when asked, and answers their HTTP statuses. Default
   * sequence: sent, delivered, read (SMS: sent, delivered; SMS has no read receipts).
   */
  sendStatusCallbacks(
    messageSid: string,
    statuses?: FakeTwilioMessageStatus[],
    opts?: FakeTwilioStatusCallbackOptions,
  ): Promise<number[]>;
  /** Send sent / delivered / read callbacks automatically after each create (default off). */
  autoStatus(enabled: boolean): void;

  readonly messages: readonly FakeTwilioMessage[];
  /**
   * Fails the next `times` requests that match `pathPattern` (see `callCount`; default: message
   * creation, `POST **Messages.json`) with this error.
   */
  failNext(error: FakeTwilioInjectedError, times?: number, pathPattern?: string): void;
  /**
   * Requests this account received whose `METHOD /path` or `/path` matches the pattern (`*`: any
   * run within a path segment, `**`: any run at all).
   */
  callCount(pathPattern: string): number;
  waitFor(predicate: (account: FakeTwilioAccount) => boolean, timeoutMs?: number): Promise<void>;
}
