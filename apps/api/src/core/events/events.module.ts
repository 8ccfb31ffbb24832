import { Global, Module } from '@nestjs/common';
import { EventChannelRepository } from './event-channel.repository';
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
  ],
  exports: [EventLogService, EventStreamService, EventSequencerService],
})
export class EventsModule {}
