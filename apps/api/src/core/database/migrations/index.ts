import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { Webchat1795300000000 } from './1795300000000-webchat';
import { EmailSync1795400000000 } from './1795400000000-email-sync';
import { IngestFunction1795500000000 } from './1795500000000-ingest-function';
import { AuditLog1796300000000 } from './1796300000000-audit-log';
import { LoginThrottles1796000000000 } from './1796000000000-login-throttles';
import { WidgetLimits1796100000000 } from './1796100000000-widget-limits';
import { WebchatEmailConfirmation1796100000001 } from './1796100000001-webchat-email-confirmation';
import { DirectionScopedChannelIds1796200000000 } from './1796200000000-direction-scoped-channel-ids';
import { OutboundAttempts1796200000001 } from './1796200000001-outbound-attempts';
import { PendingReceipts1796200000002 } from './1796200000002-pending-receipts';
import { EmailSyncLogSimplified1796400000000 } from './1796400000000-email-sync-log-simplified';
import { ConversationDrafts1796800000000 } from './1796800000000-conversation-drafts';
import { TeamsAndInboxAccess1797000000000 } from './1797000000000-teams-and-inbox-access';
import { People1796500000000 } from './1796500000000-people';
import { Tags1796600000000 } from './1796600000000-tags';
import { CannedReplies1796700000000 } from './1796700000000-canned-replies';
import { NotificationCentre1796900000000 } from './1796900000000-notification-centre';
import { Participants1797100000000 } from './1797100000000-participants';
import { NoteMentions1797200000000 } from './1797200000000-note-mentions';
import { MessageAttachmentIndex1797300000000 } from './1797300000000-message-attachment-index';
import { TelegramChannel1797400000000 } from './1797400000000-telegram-channel';
import { ReplyWindowsAndTemplates1797500000000 } from './1797500000000-reply-windows-and-templates';
import { CustomerCard1797600000000 } from './1797600000000-customer-card';
import { Tasks1797630000000 } from './1797630000000-tasks';
import { SavedViews1797640000000 } from './1797640000000-saved-views';
import { OutgoingWebhooks1797730000000 } from './1797730000000-outgoing-webhooks';
import { ConversationMergeSplit1797650000000 } from './1797650000000-conversation-merge-split';
import { DurableEventConsumers1797700000000 } from './1797700000000-durable-event-consumers';
import { PrioritiesAndSlas1797710000000 } from './1797710000000-priorities-and-slas';
import { FairRouting1797720000000 } from './1797720000000-fair-routing';
import { AutomationRules1797740000000 } from './1797740000000-automation-rules';
import { NotificationDetails1797750000000 } from './1797750000000-notification-details';
import { CsatSurveys1797770000000 } from './1797770000000-csat-surveys';
import { Reports1797760000000 } from './1797760000000-reports';
import { ContactMerges1797610000000 } from './1797610000000-contact-merges';
import { MessageSearch1797620000000 } from './1797620000000-message-search';
import { TimeTracking1797780000000 } from './1797780000000-time-tracking';
import { ReportCells1797790000000 } from './1797790000000-report-cells';
import { EmailMessageVariants1797800000000 } from './1797800000000-email-message-variants';
import { EmailSyncLogAutomated1797810000000 } from './1797810000000-email-sync-log-automated';
import { EmailOAuth1797820000000 } from './1797820000000-email-oauth';
import { EmailCopiesAndSignatures1797830000000 } from './1797830000000-email-copies-and-signatures';
import { InboxPause1797840000000 } from './1797840000000-inbox-pause';
import { MessageSourcePage1797870000000 } from './1797870000000-message-source-page';
import { UndoSend1797890000000 } from './1797890000000-undo-send';
import { OperatorLocaleFollowsBrowser1797910000000 } from './1797910000000-operator-locale-follows-browser';
import { KnowledgeBase1797920000000 } from './1797920000000-knowledge-base';
import { HelpCentreBranding1797940000000 } from './1797940000000-help-centre-branding';
import { KbArticleViews1797945000000 } from './1797945000000-kb-article-views';
import { CustomerPortal1797950000000 } from './1797950000000-customer-portal';
import { PortalTargetInbox1797960000000 } from './1797960000000-portal-target-inbox';
import { IngestBatch1798000000000 } from './1798000000000-ingest-batch';
import { IngestNumbersItsEvents1798010000000 } from './1798010000000-ingest-numbers-its-events';
import { DueSnoozeFeedIndex1798020000000 } from './1798020000000-due-snooze-feed-index';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the bundled API carries them.
 * Add one line per new migration file.
 */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  Webchat1795300000000,
  EmailSync1795400000000,
  IngestFunction1795500000000,
  AuditLog1796300000000,
  LoginThrottles1796000000000,
  WidgetLimits1796100000000,
  WebchatEmailConfirmation1796100000001,
  DirectionScopedChannelIds1796200000000,
  OutboundAttempts1796200000001,
  PendingReceipts1796200000002,
  EmailSyncLogSimplified1796400000000,
  People1796500000000,
  NotificationCentre1796900000000,
  Tags1796600000000,
  CannedReplies1796700000000,
  ConversationDrafts1796800000000,
  TeamsAndInboxAccess1797000000000,
  Participants1797100000000,
  NoteMentions1797200000000,
  MessageAttachmentIndex1797300000000,
  TelegramChannel1797400000000,
  ReplyWindowsAndTemplates1797500000000,
  CustomerCard1797600000000,
  ContactMerges1797610000000,
  MessageSearch1797620000000,
  Tasks1797630000000,
  SavedViews1797640000000,
  ConversationMergeSplit1797650000000,
  DurableEventConsumers1797700000000,
  PrioritiesAndSlas1797710000000,
  FairRouting1797720000000,
  OutgoingWebhooks1797730000000,
  AutomationRules1797740000000,
  NotificationDetails1797750000000,
  Reports1797760000000,
  CsatSurveys1797770000000,
  TimeTracking1797780000000,
  ReportCells1797790000000,
  EmailMessageVariants1797800000000,
  EmailSyncLogAutomated1797810000000,
  EmailOAuth1797820000000,
  EmailCopiesAndSignatures1797830000000,
  InboxPause1797840000000,
  MessageSourcePage1797870000000,
  UndoSend1797890000000,
  OperatorLocaleFollowsBrowser1797910000000,
  KnowledgeBase1797920000000,
  HelpCentreBranding1797940000000,
  KbArticleViews1797945000000,
  CustomerPortal1797950000000,
  PortalTargetInbox1797960000000,
  IngestBatch1798000000000,
  IngestNumbersItsEvents1798010000000,
  DueSnoozeFeedIndex1798020000000,
];
