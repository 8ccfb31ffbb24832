import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './core/auth/auth.module';
import type { AppConfig } from './core/config/config.schema';
import { ConfigModule } from './core/config/config.module';
import { CryptoModule } from './core/crypto/crypto.module';
import { DatabaseModule } from './core/database/database.module';
import { EventsModule } from './core/events/events.module';
import { HealthController } from './core/health/health.controller';
import { HealthRepository } from './core/health/health.repository';
import { HttpModule } from './core/http/http.module';
import { NetModule } from './core/net/net.module';
import { loggerOptions } from './core/logging/logger-options';
import { QueueModule } from './core/queue/queue.module';
import { RealtimeModule } from './core/realtime/realtime.module';
import { StorageModule } from './core/storage/storage.module';
import { AccessModule } from './modules/access/access.module';
import { AuditModule } from './modules/audit/audit.module';
import { CannedRepliesModule } from './modules/canned-replies/canned-replies.module';
import { SavedViewsModule } from './modules/saved-views/saved-views.module';
import { OutgoingWebhooksModule } from './modules/outgoing-webhooks/outgoing-webhooks.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { UndoSendModule } from './modules/undo-send/undo-send.module';
import { ContactMergeModule } from './modules/contacts/merge/contact-merge.module';
import { ConversationMergeModule } from './modules/conversation-merge/conversation-merge.module';
import { TagsModule } from './modules/tags/tags.module';
import { DraftsModule } from './modules/drafts/drafts.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OperatorsModule } from './modules/operators/operators.module';
import { ParticipantsModule } from './modules/participants/participants.module';
import { PeopleModule } from './modules/people/people.module';
import { SeedModule } from './modules/seed/seed.module';
import { SnoozeModule } from './modules/snooze/snooze.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { TimeTrackingModule } from './modules/time-tracking/time-tracking.module';
import { AutomationModule } from './modules/automation/automation.module';
import { PriorityModule } from './modules/priority/priority.module';
import { BusinessHoursModule } from './modules/business-hours/business-hours.module';
import { SlaModule } from './modules/sla/sla.module';
import { CsatModule } from './modules/csat/csat.module';
import { ReportsModule } from './modules/reports/reports.module';
import { RoutingModule } from './modules/routing/routing.module';
import { WebchatModule } from './modules/webchat/webchat.module';
import { PortalModule } from './modules/portal/portal.module';
import { EmailModule } from './modules/email/email.module';
import { EmailRepliesModule } from './modules/email-replies/email-replies.module';
import { TelegramModule } from './modules/telegram/telegram.module';
import { WhatsappModule } from './modules/whatsapp/whatsapp.module';
import { KnowledgeBaseModule } from './modules/knowledge-base/knowledge-base.module';
import { HelpCentreModule } from './modules/help-centre/help-centre.module';

/** Infrastructure (core/) first, then the product's domains (modules/). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        HttpModule,
        NetModule,
        DatabaseModule,
        CryptoModule,
        EventsModule,
        QueueModule,
        StorageModule,
        AuthModule,
        RealtimeModule,
        AuditModule,
        AccessModule,
        NotificationsModule,
        ParticipantsModule,
        ChannelsModule,
        ConversationsModule,
        ContactMergeModule,
        ConversationMergeModule,
        TagsModule,
        CannedRepliesModule,
        SavedViewsModule,
        OutgoingWebhooksModule,
        DraftsModule,
        OperatorsModule,
        PeopleModule,
        SnoozeModule,
        UndoSendModule,
        TasksModule,
        TimeTrackingModule,
        AutomationModule,
        PriorityModule,
        BusinessHoursModule,
        SlaModule,
        CsatModule,
        ReportsModule,
        RoutingModule,
        SeedModule,
        WebchatModule,
        PortalModule,
        EmailModule,
        EmailRepliesModule,
        TelegramModule,
        WhatsappModule,
        KnowledgeBaseModule,
        HelpCentreModule,
      ],
      controllers: [HealthController],
      providers: [HealthRepository],
    };
  }
}
