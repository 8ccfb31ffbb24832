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
  text: string;
  html: string | null;
  attachments: OutboundAttachment[];
  /** Sent by Switchboard itself, not typed by an operator (auto-acknowledgements, follow-ups). */
  automatic?: boolean;
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  read(): Promise<Buffer>;
}

export type SendResult =
  { ok: true; externalId: string } | { ok: false; error: import('./channel-error').ChannelError };
