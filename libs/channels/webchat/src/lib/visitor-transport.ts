/**
 * The port through which the web chat adapter reaches visitors. The API implements it (visitor
 * sockets across instances, the account's email inbox or SMTP); tests implement it with fakes.
 */
export interface VisitorDelivery {
  inboxId: string;
  /** recipient.externalId: `visitor:<id>` or `user:<id>`. */
  visitorExternalId: string;
  conversationId: string;
  conversationNumber: number;
  /** The outbound message's idempotency key (the stored message's id). */
  messageKey: string;
  externalId: string;
  text: string;
  senderName: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
  /** An operator sends it again on purpose (OutboundMessage.deliberateResend). */
  deliberateResend?: boolean;
}

export interface FollowUpTarget {
  email: string;
  /** Page the visitor chatted on, opened with the chat showing. */
  chatUrl: string;
}

export interface FollowUpEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 5322 Message-ID with angle brackets; the email channel threads replies on it. */
  messageId: string;
  /** Token an emailed answer carries back (thread.conversationToken on the email side). */
  conversationToken: string;
  headers: Record<string, string>;
}

export interface VisitorTransport {
  /** Push to the visitor's open widgets on any API instance; true when at least one got it. */
  deliverLive(delivery: VisitorDelivery): Promise<boolean>;
  /** Where to email a reply the visitor missed; null when they left no address. */
  followUpTarget(delivery: VisitorDelivery): Promise<FollowUpTarget | null>;
  /** Send through the account's email inbox, else SMTP. Throws ChannelError on failure. */
  sendFollowUp(email: FollowUpEmail, delivery: VisitorDelivery): Promise<void>;
}
