import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebchatPresenceRepository } from '../repositories/webchat-presence.repository';

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

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: WebchatPresenceRepository,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /**
   * Records a new socket unless it would take the visitor or the network past its limit of live
   * sockets; then it is not recorded and the refusal names which limit. Insert first, count after:
   * two sockets racing for the last slot may both be refused, but the limit is never exceeded.
   */
  async claim(
    socketId: string,
    who: { inboxId: string; visitorKey: string; network: string },
    limits: { perVisitor: number; perNetwork: number },
  ): Promise<'ok' | 'visitor' | 'network'> {
    await this.repo.upsert(socketId, who.inboxId, who.visitorKey, this.instanceId, who.network);
    const live = await this.repo.countLive(
      who.inboxId,
      who.visitorKey,
      who.network,
      STALE_AFTER_SECONDS,
    );
    const over =
      live.visitor > limits.perVisitor
        ? 'visitor'
        : live.network > limits.perNetwork
          ? 'network'
          : null;
    if (over) {
      await this.repo.deleteSocket(socketId);
      return over;
    }
    this.local.add(socketId);
    return 'ok';
  }

  async disconnected(socketId: string): Promise<void> {
    this.local.delete(socketId);
    await this.repo.deleteSocket(socketId);
  }

  async isOnline(inboxId: string, visitorKey: string): Promise<boolean> {
    return this.repo.isSeenWithin(inboxId, visitorKey, STALE_AFTER_SECONDS);
  }

  private async heartbeat(): Promise<void> {
    try {
      if (this.local.size > 0) {
        await this.repo.refreshSockets([...this.local]);
      }
      await this.repo.deleteNotSeenFor(STALE_AFTER_SECONDS * 4);
    } catch (err) {
      this.logger.warn(`Presence heartbeat failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.local.size === 0 || !this.ds.isInitialized) return;
    await this.repo.deleteSockets([...this.local]).catch(() => undefined);
  }
}
