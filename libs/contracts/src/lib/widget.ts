/**
 * The web chat visitor API (REST under /api/widget/:inboxId and the socket.io namespace
 * /widget), shared by the API and the widget. Types only: the widget bundle stays free of them.
 */
export const WIDGET_NAMESPACE = '/widget';

export interface WidgetSettingsDto {
  inboxName: string;
  greeting: string;
  accentColor: string;
  askEmail: boolean;
  officeHoursMessage: string;
  maxTextLength: number;
  maxAttachmentBytes: number;
  attachmentTypes: string[];
  /** Asked before the first message (empty: no form). Identified visitors are not asked. */
  preChatFields: PreChatFieldDto[];
  /** The inbox's schedule as the visitor needs it; null: no schedule (always open). */
  availability: WidgetAvailabilityDto | null;
}

/** One pre-chat question: `name` and `email` fill the contact, `text` a contact attribute by key. */
export interface PreChatFieldDto {
  key: string;
  label: string;
  type: 'name' | 'email' | 'text';
  required: boolean;
}

export interface WidgetAvailabilityDto {
  openNow: boolean;
  /** ISO time the team is next in, when it is away now. */
  nextOpening: string | null;
}

export interface VisitorSessionDto {
  visitorToken: string;
  visitorId: string;
  identified: boolean;
  /** Address the visitor confirmed for email follow-ups, if any. */
  email: string | null;
  /** Address the visitor typed that waits for its confirmation link to be opened. */
  pendingEmail: string | null;
  settings: WidgetSettingsDto;
}

/**
 * The visitor's follow-up address. A typed address is only pending until its owner opens the
 * link mailed to it; replies are mailed (and emailed answers shown) only for a confirmed one.
 */
export interface VisitorContactDto {
  email: string | null;
  pendingEmail: string | null;
}

export type VisitorMessageStatus = 'sent' | 'delivered' | 'read';

export interface VisitorAttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface VisitorMessageDto {
  id: string;
  clientMessageId: string | null;
  author: 'visitor' | 'operator';
  senderName: string | null;
  text: string | null;
  attachments: VisitorAttachmentDto[];
  /** Visitor messages: their ticks. Operator messages: how far they got with the visitor (unread until 'read'). */
  status: VisitorMessageStatus | null;
  createdAt: string;
}

export interface VisitorHistoryDto {
  items: VisitorMessageDto[];
}

export interface WidgetErrorDto {
  statusCode: number;
  code: string;
  message: string;
  details?: { retryAfterSeconds?: number };
}

/** Why the server refused a socket (connect_error `data`) or one of its events (`error`). */
export interface WidgetSocketErrorDto {
  code: string;
  message: string;
  /** For RATE_LIMITED: when trying again can succeed. */
  retryAfterSeconds?: number;
}

export interface WidgetHandshakeAuth {
  inboxId: string;
  visitorToken: string;
}

export interface WidgetServerToClientEvents {
  message: (message: VisitorMessageDto) => void;
  typing: (signal: { typing: boolean; name: string | null }) => void;
  /** Operators have read the conversation: the visitor's messages up to `until` get the read tick. */
  read: (info: { until: string }) => void;
  /** The follow-up address changed (e.g. its confirmation link was opened in another tab). */
  contact: (contact: VisitorContactDto) => void;
  /** An event was refused (e.g. too many in a short time). */
  error: (error: WidgetSocketErrorDto) => void;
}

export interface WidgetClientToServerEvents {
  typing: (signal: { typing: boolean }) => void;
  receipt: (receipt: { status: 'delivered' | 'read'; messageIds: string[] }) => void;
}

export interface WebchatSnippetDto {
  inboxId: string;
  loaderUrl: string;
  snippet: string;
  /** How a site that knows its user passes a verified identity. */
  identitySnippet: string;
}
