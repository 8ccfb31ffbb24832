import { Global, Module } from '@nestjs/common';
import { DurableEventConsumersService } from './durable-event-consumers.service';
import { EventChannelRepository } from './event-channel.repository';
import { EventConsumerCursorsRepository } from './event-consumer-cursors.repository';
import { EventLogService } from './event-log.service';
import { EventRetentionService } from './event-retention.service';
import { EventSequencerService } from './event-sequencer.service';
import { EventStreamService } from './event-stream.service';
import { EventsRepository } from './events.repository';

@Global()
@Module({
  providers: [
    EventsRepository,
    EventChannelRepository,
    EventLogService,
    EventStreamService,
    EventSequencerService,
    EventRetentionService,
    EventConsumerCursorsRepository,
    DurableEventConsumersService,
  ],
  exports: [
    EventLogService,
    EventStreamService,
    EventSequencerService,
    DurableEventConsumersService,
  ],
})
export class EventsModule {}
