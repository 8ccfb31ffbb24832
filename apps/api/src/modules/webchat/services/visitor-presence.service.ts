import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../../core/database/sql-rows';

/** A widget counts as connected while its row was refreshed within this window. */
const STALE_AFTER_SECONDS = 45;
const HEARTBEAT_MS = 15_000;

/**
 * Which visitors have a widget open, across every API instance: one row per socket, refreshed by
 * this instance's heartbeat. A crashed instance's rows simply age out.
 */
@Injectable()
export class VisitorPresenceService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(VisitorPresenceService.name);
  readonly instanceId = randomUUID();
  private readonly local = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async connected(socketId: string, inboxId: string, visitorKey: string): Promise<void> {
    this.local.add(socketId);
    await this.ds.query(
      `INSERT INTO webchat_presence (socket_id, inbox_id, visitor_key, instance_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (socket_id) DO UPDATE SET last_seen_at = now()`,
      [socketId, inboxId, visitorKey, this.instanceId],
    );
  }

  async disconnected(socketId: string): Promise<void> {
    this.local.delete(socketId);
    await this.ds.query('DELETE FROM webchat_presence WHERE socket_id = $1', [socketId]);
  }

  async isOnline(inboxId: string, visitorKey: string): Promise<boolean> {
    const row = await queryOne<{ found: number }>(
      this.ds.manager,
      `SELECT 1 AS found FROM webchat_presence
        WHERE inbox_id = $1 AND visitor_key = $2 AND last_seen_at > now() - make_interval(secs => $3) LIMIT 1`,
      [inboxId, visitorKey, STALE_AFTER_SECONDS],
    );
    return row !== null;
  }

  private async heartbeat(): Promise<void> {
    try {
      if (this.local.size > 0) {
        await this.ds.query(
          'UPDATE webchat_presence SET last_seen_at = now() WHERE socket_id = ANY($1::text[])',
          [[...this.local]],
        );
      }
      await this.ds.query(
        `DELETE FROM webchat_presence WHERE last_seen_at < now() - make_interval(secs => $1)`,
        [STALE_AFTER_SECONDS * 4],
      );
    } catch (err) {
      this.logger.warn(`Presence heartbeat failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.local.size === 0 || !this.ds.isInitialized) return;
    await this.ds
      .query('DELETE FROM webchat_presence WHERE socket_id = ANY($1::text[])', [[...this.local]])
      .catch(() => undefined);
  }
}
