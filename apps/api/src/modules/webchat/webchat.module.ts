import {
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { WebchatChannelAdapter } from '@switchboard/channels-webchat';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { WebchatSnippetController } from './controllers/webchat-snippet.controller';
import { WidgetCorsMiddleware } from './controllers/widget-cors.middleware';
import { WidgetDemoController } from './controllers/widget-demo.controller';
import { WidgetEmailConfirmationController } from './controllers/widget-email-confirmation.controller';
import { WidgetVisitorController } from './controllers/widget-visitor.controller';
import { ConversationRooms } from './gateway/conversation-rooms';
import { WidgetGateway } from './gateway/widget.gateway';
import { ConversationStartRepository } from './repositories/conversation-start.repository';
import { FollowUpRepository } from './repositories/follow-up.repository';
import { PreChatContactRepository } from './repositories/prechat-contact.repository';
import { UploadClaimRepository } from './repositories/upload-claim.repository';
import { VisitorHistoryRepository } from './repositories/visitor-history.repository';
import { WebchatInboxRepository } from './repositories/webchat-inbox.repository';
import { WebchatPresenceRepository } from './repositories/webchat-presence.repository';
import { WebchatVisitorRepository } from './repositories/webchat-visitor.repository';
import { WidgetDemoRepository } from './repositories/widget-demo.repository';
import { WidgetUsageRepository } from './repositories/widget-usage.repository';
import { ConfirmationMailService } from './services/confirmation-mail.service';
import { FollowUpAddressService } from './services/follow-up-address.service';
import { ConversationStartLimiterService } from './services/conversation-start-limiter.service';
import { FollowUpMailerService } from './services/follow-up-mailer.service';
import { VisitorAuthService } from './services/visitor-auth.service';
import { VisitorHistoryService } from './services/visitor-history.service';
import { VisitorMessagesService } from './services/visitor-messages.service';
import { VisitorPresenceService } from './services/visitor-presence.service';
import { loadWebchatMailConfig, WEBCHAT_MAIL_CONFIG } from './services/webchat-mail-config';
import { WebchatVisitorTransport } from './services/webchat-visitor.transport';
import { WidgetLimitsService } from './services/widget-limits.service';

/** Puts the web chat adapter (which needs the visitor transport) into the channel registry. */
@Injectable()
class WebchatAdapterRegistration implements OnModuleInit {
  constructor(
    private readonly registry: ChannelRegistryService,
    private readonly adapter: WebchatChannelAdapter,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.adapter);
  }
}

/** The web chat channel: visitor REST API, the /widget socket namespace, follow-up email, snippet. */
@Module({
  controllers: [
    WidgetVisitorController,
    WidgetEmailConfirmationController,
    WebchatSnippetController,
    WidgetDemoController,
  ],
  providers: [
    { provide: WEBCHAT_MAIL_CONFIG, useFactory: () => loadWebchatMailConfig() },
    ConversationStartRepository,
    FollowUpRepository,
    PreChatContactRepository,
    VisitorHistoryRepository,
    WebchatInboxRepository,
    WebchatPresenceRepository,
    WebchatVisitorRepository,
    WidgetDemoRepository,
    WidgetUsageRepository,
    UploadClaimRepository,
    VisitorAuthService,
    WidgetLimitsService,
    ConfirmationMailService,
    FollowUpAddressService,
    VisitorHistoryService,
    VisitorPresenceService,
    ConversationStartLimiterService,
    FollowUpMailerService,
    WebchatVisitorTransport,
    {
      provide: WebchatChannelAdapter,
      useFactory: (transport: WebchatVisitorTransport) => new WebchatChannelAdapter(transport),
      inject: [WebchatVisitorTransport],
    },
    WebchatAdapterRegistration,
    VisitorMessagesService,
    ConversationRooms,
    WidgetGateway,
  ],
  // The CSAT module's widget routes use the same visitor guard.
  exports: [VisitorAuthService, PreChatContactRepository],
})
export class WebchatModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(WidgetCorsMiddleware)
      .forRoutes({ path: 'widget/*path', method: RequestMethod.ALL });
  }
}
