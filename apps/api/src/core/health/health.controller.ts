import { Controller, Get, OnApplicationShutdown, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.guard';

/** For load balancers: 200 while serving, 503 when the database is unreachable or we are draining. */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private draining = false;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    if (this.draining) {
      res.status(503);
      return { status: 'draining' };
    }
    try {
      await this.ds.query('SELECT 1');
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
