import { Global, Module } from '@nestjs/common';
import { InboxesController } from '../inboxes/inboxes.controller';
import { InboxesRepository } from '../inboxes/inboxes.repository';
import { InboxesService } from '../inboxes/inboxes.service';
import { AccountsRepository } from '../accounts/accounts.repository';
import { DeliveryReceiptsService } from '../messages/delivery-receipts.service';
import { PendingReceiptsRepository } from '../messages/pending-receipts.repository';
import { builtInAdapters, CHANNEL_ADAPTERS } from './channel-adapters';
import { ChannelRegistryService } from './channel-registry.service';
import { InboundPipelineService } from './inbound-pipeline.service';
import { IngestFunctionRepository } from './ingest-function.repository';
import { OutboundAttemptsRepository } from './outbound-attempts.repository';
import { OutboundAttemptsService } from './outbound-attempts.service';
import { OutboundDeliveryWorker } from './outbound-delivery.worker';
import { WebhooksController } from './webhooks.controller';

/** The channel pipeline: adapters, inboxes, inbound ingest and receipts, outbound delivery. */
@Global()
@Module({
  controllers: [WebhooksController, InboxesController],
  providers: [
    { provide: CHANNEL_ADAPTERS, useFactory: builtInAdapters },
    ChannelRegistryService,
    InboxesRepository,
    InboxesService,
    AccountsRepository,
    IngestFunctionRepository,
    InboundPipelineService,
    PendingReceiptsRepository,
    DeliveryReceiptsService,
    OutboundAttemptsRepository,
    OutboundAttemptsService,
    OutboundDeliveryWorker,
  ],
  exports: [ChannelRegistryService, InboxesService, InboundPipelineService, AccountsRepository],
})
export class ChannelsModule {}
