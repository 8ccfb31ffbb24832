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
  /**
   * An approved message template instead of free text (WhatsApp outside its 24-hour window):
   * the provider's template id and the values of its numbered variables. `text` holds the
   * rendered preview the operator saw.
   */
  template?: { id: string; variables: Record<string, string> } | null;
  /**
   * Buttons under the message, in rows (a Telegram inline keyboard). Pressing one comes back as a
   * `button_press` event carrying its `data`. Channels without buttons send the text alone.
   */
  buttons?: OutboundButton[][] | null;
  /** Sent by Switchboard itself, not typed by an operator (auto-acknowledgements, follow-ups). */
  automatic?: boolean;
  /**
   * An operator asked to send again a message whose earlier delivery is uncertain. The key stays the
   * same (a provider that deduplicates still drops a copy it has); an adapter that keeps its own
   * "already sent" record for the key sends again instead of trusting an uncertain one.
   */
  deliberateResend?: boolean;
  /** Email: copies. Bcc travels in the SMTP envelope only, never in the mail's headers. */
  copies?: { cc: OutboundAddress[]; bcc: OutboundAddress[] } | null;
  /** Email: the message this reply answers, quoted under it in the mail (never in the timeline). */
  quoted?: OutboundQuote | null;
  /** Email: the signature to put under the text (plain text, placeholders already filled). */
  signature?: string | null;
}

export interface OutboundAddress {
  address: string;
  name: string | null;
}

export interface OutboundQuote {
  /** Who wrote it: a customer's name and address, or the operator's name. */
  author: { name: string | null; address: string | null };
  sentAt: Date;
  text: string;
}

export interface OutboundButton {
  label: string;
  /** Comes back in the press; at most 64 bytes (Telegram's callback_data). */
  data: string;
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  read(): Promise<Buffer>;
  /**
   * A short-lived signed public URL of the file, for providers that fetch media themselves
   * (Twilio's MediaUrl). It expires within minutes; never log it.
   */
  signedUrl(): string;
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

/** A message template the provider has on file (WhatsApp templates in Twilio's Content API). */
export interface MessageTemplate {
  /** The provider's id (a Twilio Content SID). */
  id: string;
  name: string;
  language: string;
  /** The body with numbered variables: "Hi {{1}}, your order {{2}} has shipped." */
  body: string;
  /** The variable names in order of appearance ("1", "2"). */
  variables: string[];
  /** Only approved templates can be sent to WhatsApp customers. */
  approval: 'approved' | 'pending' | 'rejected' | 'unsubmitted';
}
