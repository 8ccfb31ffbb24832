import { Controller, Get, OnApplicationShutdown, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { HealthRepository } from './health.repository';

/** For load balancers: 200 while serving, 503 when the database is unreachable or we are draining. */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private draining = false;

  constructor(private readonly database: HealthRepository) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    if (this.draining) {
      res.status(503);
      return { status: 'draining' };
    }
    try {
      await this.database.ping();
      return { status: 'ok', database: 'ok' };
    } catch {
      res.status(503);
      return { status: 'error', database: 'unreachable' };
    }
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  onApplicationShutdown(): void {
    this.draining = true;
  }
}
