import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What the health check asks of the database. */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One round trip through the pool; rejects when the database is unreachable. */
  async ping(): Promise<void> {
    // raw SQL: a bare SELECT 1 touches no table, so there is no entity to build it from.
    await this.ds.query('SELECT 1');
  }
}
