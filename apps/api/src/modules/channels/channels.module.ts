import { Global, Module } from '@nestjs/common';
import { InboxesController } from '../inboxes/inboxes.controller';
import { InboxTemplatesController } from '../inboxes/inbox-templates.controller';
import { MessageTemplatesService } from './message-templates.service';
import { InboxesRepository } from '../inboxes/inboxes.repository';
import { InboxesService } from '../inboxes/inboxes.service';
import { InboxHistoryPurgeWorker } from '../inboxes/inbox-history-purge.worker';
import { InboxHistoryRepository } from '../inboxes/inbox-history.repository';
import { InboxLifecycleSignals } from '../inboxes/inbox-lifecycle.signals';
import { AccountsRepository } from '../accounts/accounts.repository';
import { DeliveryReceiptsService } from '../messages/delivery-receipts.service';
import { PendingReceiptsRepository } from '../messages/pending-receipts.repository';
import { MessageDeliveryRepository } from '../messages/message-delivery.repository';
import { builtInAdapters, CHANNEL_ADAPTERS } from './channel-adapters';
import { ChannelRegistryService } from './channel-registry.service';
import { InboundPipelineService } from './inbound-pipeline.service';
import { FastIngestService } from './fast-ingest.service';
import { IngestFunctionRepository } from './ingest-function.repository';
import { OutboundAttemptsRepository } from './outbound-attempts.repository';
import { OutboundAttemptsService } from './outbound-attempts.service';
import { OutboundDeliveryWorker } from './outbound-delivery.worker';
import { WebhooksController } from './webhooks.controller';
import { AttachmentFetchWorker } from './attachment-fetch.worker';
import { AttachmentFetchesRepository } from './attachment-fetches.repository';
import { InboundAmendmentsService } from './inbound-amendments.service';
import { InboundAttachmentsService } from './inbound-attachments.service';
import { MessageAliasesRepository } from './message-aliases.repository';
import { ChannelPollCursorsRepository } from './channel-poll-cursors.repository';
import { ChannelTypingRelay } from './channel-typing.relay';
import { ChannelTypingRepository } from './channel-typing.repository';
import { ButtonPressesService } from './button-presses.service';

/** The channel pipeline: adapters, inboxes, inbound ingest and receipts, outbound delivery. */
@Global()
@Module({
  controllers: [WebhooksController, InboxesController, InboxTemplatesController],
  providers: [
    { provide: CHANNEL_ADAPTERS, useFactory: builtInAdapters },
    ChannelRegistryService,
    InboxesRepository,
    InboxesService,
    InboxLifecycleSignals,
    InboxHistoryRepository,
    InboxHistoryPurgeWorker,
    AccountsRepository,
    IngestFunctionRepository,
    FastIngestService,
    InboundPipelineService,
    PendingReceiptsRepository,
    DeliveryReceiptsService,
    MessageDeliveryRepository,
    OutboundAttemptsRepository,
    OutboundAttemptsService,
    OutboundDeliveryWorker,
    MessageAliasesRepository,
    AttachmentFetchesRepository,
    InboundAttachmentsService,
    InboundAmendmentsService,
    AttachmentFetchWorker,
    ChannelPollCursorsRepository,
    ChannelTypingRepository,
    ChannelTypingRelay,
    MessageTemplatesService,
    ButtonPressesService,
  ],
  exports: [
    ButtonPressesService,
    ChannelRegistryService,
    InboxesService,
    InboxLifecycleSignals,
    InboundPipelineService,
    AccountsRepository,
    ChannelPollCursorsRepository,
    MessageTemplatesService,
    MessageDeliveryRepository,
  ],
})
export class ChannelsModule {}
