import { Module } from '@nestjs/common';
import { SnoozeRepository } from './snooze.repository';
import { SnoozeSweeperService } from './snooze-sweeper.service';

@Module({ providers: [SnoozeRepository, SnoozeSweeperService], exports: [SnoozeSweeperService] })
export class SnoozeModule {}
