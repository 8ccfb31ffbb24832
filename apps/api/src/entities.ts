import { DraftEntity } from './modules/drafts/entities/draft.entity';
import { AccountEventHeadEntity } from './core/events/entities/account-event-head.entity';
import { EventEntity } from './core/events/entities/event.entity';
import { EventConsumerEntity } from './core/events/entities/event-consumer.entity';
import { EventConsumerCursorEntity } from './core/events/entities/event-consumer-cursor.entity';
import { OperatorSessionEntity } from './core/auth/entities/operator-session.entity';
import { LoginThrottleEntity } from './core/auth/entities/login-throttle.entity';
import { StoredFileEntity } from './core/storage/entities/stored-file.entity';
import { AccountEntity } from './modules/accounts/entities/account.entity';
import { AuditLogEntryEntity } from './modules/audit/entities/audit-log-entry.entity';
import { ContactIdentityEntity } from './modules/contacts/entities/contact-identity.entity';
import { ContactEntity } from './modules/contacts/entities/contact.entity';
import { ContactMergeEntity } from './modules/contacts/merge/entities/contact-merge.entity';
import { ContactAttributeEntity } from './modules/contact-attributes/entities/contact-attribute.entity';
import { ConversationEntity } from './modules/conversations/entities/conversation.entity';
import { EmailAutoReplyEntity } from './modules/email/entities/email-auto-reply.entity';
import { EmailOAuthRequestEntity } from './modules/email/entities/email-oauth-request.entity';
import { EmailSeenMessageEntity } from './modules/email/entities/email-seen-message.entity';
import { EmailSyncLogEntryEntity } from './modules/email/entities/email-sync-log-entry.entity';
import { EmailSyncStateEntity } from './modules/email/entities/email-sync-state.entity';
import { InboxMemberEntity } from './modules/inboxes/entities/inbox-member.entity';
import { InboxEntity } from './modules/inboxes/entities/inbox.entity';
import { MessageEntity } from './modules/messages/entities/message.entity';
import { PendingReceiptEntity } from './modules/messages/entities/pending-receipt.entity';
import { OutboundAttemptEntity } from './modules/channels/entities/outbound-attempt.entity';
import { MessageExternalAliasEntity } from './modules/channels/entities/message-external-alias.entity';
import { AttachmentFetchEntity } from './modules/channels/entities/attachment-fetch.entity';
import { ChannelPollCursorEntity } from './modules/channels/entities/channel-poll-cursor.entity';
import { NotificationEntity } from './modules/notifications/entities/notification.entity';
import { OperatorEntity } from './modules/operators/entities/operator.entity';
import { OperatorInvitationEntity } from './modules/people/entities/operator-invitation.entity';
import { WebchatConversationStartEntity } from './modules/webchat/entities/webchat-conversation-start.entity';
import { WebchatFollowUpEntity } from './modules/webchat/entities/webchat-follow-up.entity';
import { WebchatPresenceEntity } from './modules/webchat/entities/webchat-presence.entity';
import { WebchatVisitorEntity } from './modules/webchat/entities/webchat-visitor.entity';
import { WebchatUploadClaimEntity } from './modules/webchat/entities/webchat-upload-claim.entity';
import { WebchatUsageCounterEntity } from './modules/webchat/entities/webchat-usage-counter.entity';
import { TagEntity } from './modules/tags/entities/tag.entity';
import { ConversationTagEntity } from './modules/tags/entities/conversation-tag.entity';
import { TeamEntity } from './modules/access/entities/team.entity';
import { TeamMemberEntity } from './modules/access/entities/team-member.entity';
import { InboxTeamEntity } from './modules/access/entities/inbox-team.entity';
import { ConversationParticipantEntity } from './modules/participants/entities/conversation-participant.entity';
import { TaskEntity } from './modules/tasks/entities/task.entity';
import { TaskConversationEntity } from './modules/tasks/entities/task-conversation.entity';
import { CannedReplyEntity } from './modules/canned-replies/entities/canned-reply.entity';
import { SavedViewEntity } from './modules/saved-views/entities/saved-view.entity';
import { TeamRoutingEntity } from './modules/routing/entities/team-routing.entity';
import { TeamRoutingMemberEntity } from './modules/routing/entities/team-routing-member.entity';
import { RoutingQueueEntryEntity } from './modules/routing/entities/routing-queue-entry.entity';
import { OperatorConnectionEntity } from './modules/routing/entities/operator-connection.entity';
import { WebhookSubscriptionEntity } from './modules/outgoing-webhooks/entities/webhook-subscription.entity';
import { WebhookDeliveryEntity } from './modules/outgoing-webhooks/entities/webhook-delivery.entity';
import { RuleWebhookSecretEntity } from './modules/outgoing-webhooks/entities/rule-webhook-secret.entity';
import { AutomationRuleEntity } from './modules/automation/entities/automation-rule.entity';
import { AutomationRunEntity } from './modules/automation/entities/automation-run.entity';
import { AutomationTimeFiringEntity } from './modules/automation/entities/automation-time-firing.entity';
import { SlaPolicyEntity } from './modules/sla/entities/sla-policy.entity';
import { SlaTargetEntity } from './modules/sla/entities/sla-target.entity';
import { CsatSettingsEntity } from './modules/csat/entities/csat-settings.entity';
import { CsatSurveyEntity } from './modules/csat/entities/csat-survey.entity';
import { CsatResponseEntity } from './modules/csat/entities/csat-response.entity';
import { ReportConversationStateEntity } from './modules/reports/entities/report-conversation-state.entity';
import { ReportCycleEntity } from './modules/reports/entities/report-cycle.entity';
import { ReportResponseEntity } from './modules/reports/entities/report-response.entity';
import { ReportDailyEntity } from './modules/reports/entities/report-daily.entity';
import { ReportTimeCellEntity } from './modules/reports/entities/report-time-cell.entity';
import { ReportCounterCellEntity } from './modules/reports/entities/report-counter-cell.entity';
import { ReportSpanEntity } from './modules/reports/entities/report-span.entity';
import { ReportOpenCountEntity } from './modules/reports/entities/report-open-count.entity';
import { ReportConversationTagEntity } from './modules/reports/entities/report-conversation-tag.entity';
import { TimeEntryEntity } from './modules/time-tracking/entities/time-entry.entity';
import { KbCategoryEntity } from './modules/knowledge-base/entities/kb-category.entity';
import { KbArticleEntity } from './modules/knowledge-base/entities/kb-article.entity';
import { KbArticleVersionEntity } from './modules/knowledge-base/entities/kb-article-version.entity';
import { KbArticleFeedbackEntity } from './modules/knowledge-base/entities/kb-article-feedback.entity';
import { KbArticleViewEntity } from './modules/help-centre/entities/kb-article-view.entity';
import { PortalSessionEntity } from './modules/portal/entities/portal-session.entity';
import { PortalSignInLinkEntity } from './modules/portal/entities/portal-sign-in-link.entity';

/**
 * Every entity, i.e. every table the application owns. Listed explicitly (not globbed) so the
 * bundled API carries them; each lives in the module that owns its table.
 */
export const ENTITIES = [
  AccountEntity,
  AccountEventHeadEntity,
  EventEntity,
  EventConsumerEntity,
  EventConsumerCursorEntity,
  OperatorEntity,
  OperatorInvitationEntity,
  OperatorSessionEntity,
  InboxEntity,
  InboxMemberEntity,
  ContactEntity,
  ContactIdentityEntity,
  ContactMergeEntity,
  ContactAttributeEntity,
  ConversationEntity,
  MessageEntity,
  OutboundAttemptEntity,
  MessageExternalAliasEntity,
  AttachmentFetchEntity,
  ChannelPollCursorEntity,
  PendingReceiptEntity,
  StoredFileEntity,
  NotificationEntity,
  WebchatVisitorEntity,
  WebchatPresenceEntity,
  WebchatConversationStartEntity,
  WebchatFollowUpEntity,
  WebchatUsageCounterEntity,
  WebchatUploadClaimEntity,
  EmailSyncStateEntity,
  EmailSyncLogEntryEntity,
  EmailAutoReplyEntity,
  EmailOAuthRequestEntity,
  EmailSeenMessageEntity,
  AuditLogEntryEntity,
  LoginThrottleEntity,
  TagEntity,
  ConversationTagEntity,
  TeamEntity,
  TeamMemberEntity,
  InboxTeamEntity,
  CannedReplyEntity,
  DraftEntity,
  ConversationParticipantEntity,
  TaskEntity,
  TaskConversationEntity,
  SavedViewEntity,
  TeamRoutingEntity,
  TeamRoutingMemberEntity,
  RoutingQueueEntryEntity,
  OperatorConnectionEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  RuleWebhookSecretEntity,
  AutomationRuleEntity,
  AutomationRunEntity,
  AutomationTimeFiringEntity,
  SlaPolicyEntity,
  SlaTargetEntity,
  CsatSettingsEntity,
  CsatSurveyEntity,
  CsatResponseEntity,
  ReportConversationStateEntity,
  ReportCycleEntity,
  ReportResponseEntity,
  ReportDailyEntity,
  ReportTimeCellEntity,
  ReportCounterCellEntity,
  ReportSpanEntity,
  ReportOpenCountEntity,
  ReportConversationTagEntity,
  TimeEntryEntity,
  KbCategoryEntity,
  KbArticleEntity,
  KbArticleVersionEntity,
  KbArticleFeedbackEntity,
  KbArticleViewEntity,
  PortalSignInLinkEntity,
  PortalSessionEntity,
];
