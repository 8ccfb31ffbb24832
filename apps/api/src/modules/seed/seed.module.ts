import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service';
import { FirstStartRepository } from './first-start.repository';
import { FirstStartService } from './first-start.service';

@Module({
  providers: [FirstStartService, FirstStartRepository, DemoSeedService],
  exports: [FirstStartService],
})
export class SeedModule {}
