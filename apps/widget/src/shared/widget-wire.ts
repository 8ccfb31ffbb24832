/**
 * The visitor API as the widget sees it. The types live in @switchboard/contracts (shared with the
 * API); the namespace is repeated here as a value so the bundle needs no path alias.
 */
export const WIDGET_NAMESPACE = '/widget';

export type {
  WidgetSettingsDto,
  WidgetAvailabilityDto,
  PreChatFieldDto,
  VisitorSessionDto,
  VisitorContactDto,
  WidgetSocketErrorDto,
  VisitorMessageStatus,
  VisitorAttachmentDto,
  VisitorMessageDto,
  VisitorHistoryDto,
  WidgetErrorDto,
  WidgetCsatSurveyDto,
  WidgetArticleDto,
  WidgetArticleHitsDto,
  KbSearchHitDto,
  CsatScale,
  WidgetHandshakeAuth,
  WidgetServerToClientEvents,
  WidgetClientToServerEvents,
} from '@switchboard/contracts';
