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
}

export interface VisitorSessionDto {
  visitorToken: string;
  visitorId: string;
  identified: boolean;
  /** Address the visitor left for email follow-ups, if any. */
  email: string | null;
  settings: WidgetSettingsDto;
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
