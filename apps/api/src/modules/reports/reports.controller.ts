import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  reportExportQuerySchema,
  reportQuerySchema,
  type ReportDto,
  type ReportNowDto,
} from '@switchboard/contracts';
import type { Response } from 'express';
import { once } from 'node:events';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { reportCsvLines } from './report-csv';
import { ReportsService, requireReportsAdmin } from './reports.service';
import { ApiCsvResponse } from '../../core/http/openapi/api-raw-responses';

/** Reports for admins (agents get 403). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  report(@CurrentOperator() op: AuthenticatedOperator, @Query() raw: unknown): Promise<ReportDto> {
    // Who may ask comes before what they asked: an agent gets 403, not a validation error.
    requireReportsAdmin(op);
    return this.reports.report(op, parseWith(reportQuerySchema).transform(raw));
  }

  /** One of the report's tables as a CSV download, streamed with back-pressure. */
  @Get('export')
  @ApiCsvResponse('The report as CSV')
  async export(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query() raw: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    requireReportsAdmin(op);
    const query = parseWith(reportExportQuerySchema).transform(raw);
    // Refusals (403, 422) leave as JSON errors: nothing is sent before the report is computed.
    const report = await this.reports.report(op, query);
    const language = await this.reports.csvLanguage(op, acceptLanguage);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="report-${query.table}-${query.from}-${query.to}.csv"`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    for (const line of reportCsvLines(report, query.table, language)) {
      if (!res.write(line)) await once(res, 'drain');
    }
    res.end();
  }

  @Get('now')
  now(@CurrentOperator() op: AuthenticatedOperator): Promise<ReportNowDto> {
    return this.reports.live(op);
  }
}
