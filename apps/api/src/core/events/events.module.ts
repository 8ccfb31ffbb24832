import { Global, Module } from '@nestjs/common';
import { EventLogService } from './event-log.service';
import { EventRetentionService } from './event-retention.service';
import { EventSequencerService } from './event-sequencer.service';
import { EventStreamService } from './event-stream.service';

@Global()
@Module({
  providers: [EventLogService, EventStreamService, EventSequencerService, EventRetentionService],
  exports: [EventLogService, EventStreamService, EventSequencerService],
})
export class EventsModule {}
