/** The visitor API's wire types, shared with the widget through @switchboard/contracts. */
export { WIDGET_NAMESPACE } from '@switchboard/contracts';
export type {
  WidgetSettingsDto,
  VisitorSessionDto,
  VisitorContactDto,
  WidgetSocketErrorDto,
  VisitorMessageStatus,
  VisitorAttachmentDto,
  VisitorMessageDto,
  VisitorHistoryDto,
  WidgetErrorDto,
  WidgetHandshakeAuth,
  WidgetServerToClientEvents,
  WidgetClientToServerEvents,
  WebchatSnippetDto,
} from '@switchboard/contracts';
