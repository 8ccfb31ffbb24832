import { Module } from '@nestjs/common';
import { OperatorConnectionsRepository } from '../routing/operator-connections.repository';
import { AccountSettingsController } from './account-settings.controller';
import { AccountSettingsRepository } from './account-settings.repository';
import { AccountSettingsService } from './account-settings.service';
import { ReportCellsRepository } from './report-cells.repository';
import { ReportTagOverlapRepository } from './report-tag-overlap.repository';
import { ReportEventConsumer } from './report-event-consumer';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportSpansRepository } from './report-spans.repository';
import { ReportTagCellsRepository } from './report-tag-cells.repository';
import { ReportQueriesRepository } from './report-queries.repository';
import { ReportsNowRepository } from './reports-now.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Metrics, rollups and the reports API; the account's timezone their days are counted in. */
@Module({
  controllers: [ReportsController, AccountSettingsController],
  providers: [
    ReportEventConsumer,
    ReportFactsRepository,
    ReportCellsRepository,
    ReportTagOverlapRepository,
    ReportSpansRepository,
    ReportTagCellsRepository,
    ReportQueriesRepository,
    ReportsNowRepository,
    ReportsService,
    AccountSettingsRepository,
    AccountSettingsService,
    // The routing module's presence and load read, without its services.
    OperatorConnectionsRepository,
  ],
})
export class ReportsModule {}
