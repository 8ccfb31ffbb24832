/** One message for the adapter to send. Built by the core from a stored outgoing message. */
export interface OutboundMessage {
  /** Stable per stored message: sending twice with the same key must not deliver twice where the channel allows it. */
  idempotencyKey: string;
  conversation: {
    id: string;
    number: number;
    subject: string | null;
    /** Channel ids of earlier messages in the conversation, oldest first (email threading). */
    threadExternalIds: string[];
  };
  recipient: {
    externalId: string;
    name: string | null;
    email: string | null;
    phone: string | null;
  };
  sender: { name: string | null };
  /** The customer message the operator answered, when they replied to one (a Telegram reply). */
  replyTo?: { externalId: string } | null;
  text: string;
  html: string | null;
  attachments: OutboundAttachment[];
  /** Sent by Switchboard itself, not typed by an operator (auto-acknowledgements, follow-ups). */
  automatic?: boolean;
  /**
   * An operator asked to send again a message whose earlier delivery is uncertain. The key stays the
   * same (a provider that deduplicates still drops a copy it has); an adapter that keeps its own
   * "already sent" record for the key sends again instead of trusting an uncertain one.
   */
  deliberateResend?: boolean;
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  read(): Promise<Buffer>;
}

export type SendResult =
  | {
      ok: true;
      externalId: string;
      /**
       * Work that must neither delay nor decide the outcome (email: the copy in the Sent folder).
       * The core runs it once the outcome is stored; a failure there is logged, never a failed send.
       */
      afterRecorded?: () => Promise<void>;
    }
  | { ok: false; error: import('./channel-error').ChannelError };

/** The bytes of a file the provider keeps (see InboundRemoteFile). */
export type FetchAttachmentResult =
  | { ok: true; content: Buffer; contentType?: string }
  /**
   * `TOO_LARGE` and other non-retryable codes leave the attachment visibly unavailable with the
   * error's message ("file too large to fetch"); retryable ones are tried again later.
   */
  | { ok: false; error: import('./channel-error').ChannelError };
