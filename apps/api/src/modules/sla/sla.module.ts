import { Module } from '@nestjs/common';
import { SlaBreachWriter } from './sla-breach-writer.service';
import { SlaClockService } from './sla-clock.service';
import { SlaEventConsumer } from './sla-event-consumer';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaPollerService } from './sla-poller.service';
import { SlaTargetsRepository } from './sla-targets.repository';

/** SLA policies and each conversation's clocks: kept by an event consumer, fired by a poller. */
@Module({
  controllers: [SlaPoliciesController],
  providers: [
    SlaPoliciesRepository,
    SlaPoliciesService,
    SlaTargetsRepository,
    SlaClockService,
    SlaBreachWriter,
    SlaEventConsumer,
    SlaPollerService,
  ],
  exports: [SlaClockService, SlaPollerService],
})
export class SlaModule {}
