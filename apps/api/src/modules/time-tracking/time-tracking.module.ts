import { Module } from '@nestjs/common';
import { ConversationTimeController } from './conversation-time.controller';
import { InboxTimeRateController } from './inbox-time-rate.controller';
import { TimeEntriesRepository } from './time-entries.repository';
import { TimeQueriesService } from './time-queries.service';
import { TimeRateService } from './time-rate.service';
import { TimeReportController } from './time-report.controller';
import { TimeReportRepository } from './time-report.repository';
import { TimeReportService } from './time-report.service';
import { TimeTrackingService } from './time-tracking.service';

/** Time operators spend on conversations: heartbeats, corrections, hourly rates, the report. */
@Module({
  controllers: [ConversationTimeController, InboxTimeRateController, TimeReportController],
  providers: [
    TimeEntriesRepository,
    TimeReportRepository,
    TimeTrackingService,
    TimeQueriesService,
    TimeRateService,
    TimeReportService,
  ],
})
export class TimeTrackingModule {}
