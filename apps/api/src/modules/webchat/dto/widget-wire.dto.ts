/**
 * The visitor API's wire types. Mirror of apps/widget/src/shared/widget-wire.ts (the widget may
 * import only scope:shared/web code, the API only shared/channels); the browser test drives both.
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
