import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { EmailChannelAdapter } from '@switchboard/channels-email';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { EmailAutoRepliesRepository } from './email-auto-replies.repository';
import { EmailAutoReplyService } from './email-auto-reply.service';
import { EmailInboxCheckInterceptor } from './email-inbox-check.interceptor';
import { EmailIngestService } from './email-ingest.service';
import { EmailParserPool } from './email-parser-pool';
import { emailParseWorkerEntry } from './email-parse-worker-entry';
import { EmailSeenMessagesRepository } from './email-seen-messages.repository';
import { EmailSyncLogRepository } from './email-sync-log.repository';
import { EmailSyncStatesRepository } from './email-sync-states.repository';
import { EmailSyncStatusController } from './email-sync-status.controller';
import { EMAIL_SYNC_TIMINGS, loadEmailSyncTimings } from './email-sync-timings';
import { EmailSyncService } from './email-sync.service';
import { EmailThreadingRepository } from './email-threading.repository';
import { EmailOAuthClients } from './oauth/email-oauth-clients';
import { EmailOAuthController } from './oauth/email-oauth.controller';
import { EmailOAuthFlowService } from './oauth/email-oauth-flow.service';
import { EmailOAuthRequestsRepository } from './oauth/email-oauth-requests.repository';
import { EmailOAuthTokensRepository } from './oauth/email-oauth-tokens.repository';
import { EmailOAuthTokensService } from './oauth/email-oauth-tokens.service';

/** Puts the email adapter into the channel registry. */
@Injectable()
class EmailAdapterRegistration implements OnModuleInit {
  constructor(
    private readonly registry: ChannelRegistryService,
    private readonly adapter: EmailChannelAdapter,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.adapter);
  }
}

const logger = new Logger('EmailChannel');

/** The email channel: IMAP sync into the pipeline, SMTP replies through the adapter, inbox checks. */
@Module({
  controllers: [EmailSyncStatusController, EmailOAuthController],
  providers: [
    {
      provide: EmailChannelAdapter,
      inject: [EmailOAuthTokensService],
      useFactory: (tokens: EmailOAuthTokensService) =>
        new EmailChannelAdapter({
          onSentCopyError: (err, ctx) =>
            logger.warn(
              `inbox ${ctx.inboxId}: reply sent, but the copy to the Sent folder failed: ${String(err)}`,
            ),
          freshSecrets: (ctx, options) => tokens.fresh(ctx.inboxId, ctx.secrets, options),
        }),
    },
    EmailOAuthClients,
    EmailOAuthRequestsRepository,
    EmailOAuthTokensRepository,
    EmailOAuthTokensService,
    EmailOAuthFlowService,
    EmailAdapterRegistration,
    {
      provide: EmailParserPool,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new EmailParserPool({
          size: config.EMAIL_PARSE_WORKERS,
          timeoutMs: config.EMAIL_PARSE_TIMEOUT_MS,
          entry: emailParseWorkerEntry(),
        }),
    },
    { provide: EMAIL_SYNC_TIMINGS, useFactory: () => loadEmailSyncTimings() },
    EmailSyncStatesRepository,
    EmailSyncLogRepository,
    EmailSeenMessagesRepository,
    EmailThreadingRepository,
    EmailAutoRepliesRepository,
    EmailAutoReplyService,
    EmailIngestService,
    EmailSyncService,
    { provide: APP_INTERCEPTOR, useClass: EmailInboxCheckInterceptor },
  ],
  exports: [EmailChannelAdapter],
})
export class EmailModule {}
