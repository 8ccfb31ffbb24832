import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { OperatorConnectionsRepository } from './operator-connections.repository';
import { RoutingDrainService } from './routing-drain.service';

/** How often this instance tells the table it is alive (rows are stale after 30 s). */
const HEARTBEAT_MS = 10_000;

interface Held {
  accountId: string;
  sockets: number;
}

/**
 * This instance's operator sockets, kept in `operator_connections` so every instance knows who is
 * connected anywhere. The gateway reports each socket opening and closing; writes go one after
 * another, so the row always ends with the latest count. An operator's first socket may make
 * them available: their teams' queues are drained.
 */
@Injectable()
export class OperatorConnectionsService
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(OperatorConnectionsService.name);
  readonly instanceId = randomUUID();
  private readonly held = new Map<string, Held>();
  private writes: Promise<void> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly repo: OperatorConnectionsRepository,
    private readonly drain: RoutingDrainService,
  ) {}

  onApplicationBootstrap(): void {
    this.heartbeat = setInterval(() => void this.write(() => this.refresh()), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** A socket of the operator connected to this instance. */
  opened(operator: { id: string; accountId: string }): void {
    if (this.stopping) return;
    const held = this.held.get(operator.id) ?? { accountId: operator.accountId, sockets: 0 };
    held.sockets++;
    this.held.set(operator.id, held);
    const sockets = held.sockets;
    void this.write(() =>
      this.repo.put(this.instanceId, operator.accountId, operator.id, sockets),
    ).then(() => sockets === 1 && this.drain.soon(operator.id));
  }

  /** One of the operator's sockets on this instance closed. */
  closed(operator: { id: string; accountId: string }): void {
    const held = this.held.get(operator.id);
    if (!held || this.stopping) return;
    held.sockets--;
    if (held.sockets <= 0) this.held.delete(operator.id);
    const sockets = Math.max(held.sockets, 0);
    void this.write(() => this.repo.put(this.instanceId, operator.accountId, operator.id, sockets));
  }

  /** Whether this instance holds a socket of the operator. */
  holds(operatorId: string): boolean {
    return this.held.has(operatorId);
  }

  /** A clean shutdown: this instance's sockets are gone now, not in 30 s. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.write(() => this.repo.removeInstance(this.instanceId));
  }

  /** Every row of this instance fresh again (re-created if something removed it). */
  private async refresh(): Promise<void> {
    for (const [operatorId, held] of this.held)
      await this.repo.put(this.instanceId, held.accountId, operatorId, held.sockets);
    await this.repo.dropDead();
  }

  private write(task: () => Promise<void>): Promise<void> {
    const next = this.writes.then(task).catch((err: Error) => {
      this.logger.warn(`Operator connections not recorded: ${err.message}`);
    });
    this.writes = next;
    return next;
  }
}
