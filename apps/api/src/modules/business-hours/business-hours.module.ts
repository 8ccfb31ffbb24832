import { Module } from '@nestjs/common';
import { BusinessHoursController } from './business-hours.controller';
import { BusinessHoursRepository } from './business-hours.repository';
import { BusinessHoursService } from './business-hours.service';

/** Inbox business hours (the arithmetic lives in libs/contracts: business-time.ts). */
@Module({
  controllers: [BusinessHoursController],
  providers: [BusinessHoursRepository, BusinessHoursService],
})
export class BusinessHoursModule {}
