import { Module } from '@nestjs/common';
import { SnoozeSweeperService } from './snooze-sweeper.service';

@Module({ providers: [SnoozeSweeperService], exports: [SnoozeSweeperService] })
export class SnoozeModule {}
