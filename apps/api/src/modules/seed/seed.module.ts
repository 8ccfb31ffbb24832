import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service';
import { FirstStartService } from './first-start.service';

@Module({ providers: [FirstStartService, DemoSeedService], exports: [FirstStartService] })
export class SeedModule {}
