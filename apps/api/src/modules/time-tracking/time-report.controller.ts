import { once } from 'node:events';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { timeReportQuerySchema, type TimeReportDto } from '@switchboard/contracts';
import type { Response } from 'express';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodQuery } from '../../core/http/api-zod.decorators';
import { TimeReportService } from './time-report.service';
import { ApiCsvResponse } from '../../core/http/openapi/api-raw-responses';

/** Time per operator, inbox, tag or contact over a period, with its cost (admins). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/time')
export class TimeReportController {
  constructor(private readonly reports: TimeReportService) {}

  @Get()
  @ApiZodQuery(timeReportQuerySchema)
  @ApiCsvResponse<TimeReportDto>('Time spent, grouped, as CSV; JSON with `format=json`')
  async report(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query() query: unknown,
    @Res() res: Response,
  ): Promise<void> {
    // The role and the period are checked first, so a refusal is an ordinary JSON error.
    const period = await this.reports.period(op, query);
    if (period.format === 'json') {
      res.json(await this.reports.report(period));
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="time-${period.groupBy}-${period.from}-${period.to}.csv"`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    for await (const line of this.reports.csv(period)) {
      // A client that went away ends the loop, which closes the database cursor.
      if (res.destroyed) break;
      if (!res.write(line)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  }
}
