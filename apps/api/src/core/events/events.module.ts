import { Global, Module } from '@nestjs/common';
import { EventLogService } from './event-log.service';
import { EventStreamService } from './event-stream.service';

@Global()
@Module({
  providers: [EventLogService, EventStreamService],
  exports: [EventLogService, EventStreamService],
})
export class EventsModule {}
