import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import type { TeamRoutingEntity } from './entities/team-routing.entity';
import { dedupeQueueChanges, queueChanged } from './queue-changed.event';
import { RoundRobinService } from './round-robin.service';
import { RoutingQueueRepository } from './routing-queue.repository';
import { RoutingSettingsRepository } from './routing-settings.repository';
import { TeamTurnsLoader, type TeamTurns } from './team-turns';

/** How often every instance looks for queues someone could take from (the safety poll). */
const DRAIN_POLL_MS = 1_000;
/** Conversations looked at per team and pass; the next pass continues. */
const BATCH = 200;

/**
 * Draining: whenever someone may have room (a close, a snooze, a reassignment, an operator
 * becoming available, a maximum raised), the oldest queued conversations of the team go to the
 * members with room. One pass per team holds the team's routing lock (SKIP LOCKED: a second
 * instance leaves it to the first), so each conversation is assigned once across instances.
 * Round-robin teams also route their open, unassigned conversations that are not queued yet
 * (given to the team by hand or by a rule, handed back, woken from a snooze).
 */
@Injectable()
export class RoutingDrainService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RoutingDrainService.name);
  private readonly poller = new DueWorkPoller(
    'Routing drain',
    DRAIN_POLL_MS,
    async () => {
      await this.drainAll();
      return false;
    },
    this.logger,
  );
  private kicked: Promise<void> | null = null;
  private kickAgain = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: RoutingSettingsRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly turns: TeamTurnsLoader,
    private readonly roundRobin: RoundRobinService,
    private readonly events: EventLogService,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Before the database closes: nothing is cut off mid-transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.poller.stop();
    await this.kicked;
  }

  /** Every team that has a queue or unrouted conversations, one pass each. */
  async drainAll(): Promise<number> {
    const teams = new Set([
      ...(await this.queue.teamsWithQueue()),
      ...(await this.settings.roundRobinTeamsWithUnrouted()),
    ]);
    let assigned = 0;
    for (const teamId of teams) assigned += await this.drainTeam(teamId);
    return assigned;
  }

  /** A pass over every team soon; calls meanwhile make one more pass, never a pile of them. */
  kick(): void {
    if (this.stopped) return;
    if (this.kicked) {
      this.kickAgain = true;
      return;
    }
    this.kicked = (async () => {
      do {
        this.kickAgain = false;
        await this.drainAll();
      } while (this.kickAgain);
    })()
      .catch((err: Error) => this.logger.error(`Routing drain failed: ${err.message}`))
      .finally(() => (this.kicked = null));
  }

  /** The teams of an operator who just became available (or whose load dropped). */
  async drainTeamsOf(operatorId: string): Promise<void> {
    for (const { teamId } of await this.settings.teamsOf(operatorId)) await this.drainTeam(teamId);
  }

  /** Fire and forget, for hooks that must not wait (a socket connecting). */
  soon(operatorId: string): void {
    void this.drainTeamsOf(operatorId).catch((err: Error) =>
      this.logger.error(`Routing drain failed: ${err.message}`),
    );
  }

  /** One pass over a team; returns how many conversations it assigned. */
  drainTeam(teamId: string): Promise<number> {
    return this.ds.transaction(async (em) => {
      const routing = await this.settings.tryLockTeam(em, teamId);
      if (!routing) return 0;
      const pending: PendingEvent[] = [];
      if ((await this.queue.dropSettled(em, teamId)) > 0) pending.push(queueChanged(teamId));
      const turns = await this.turns.load(em, routing);
      const assigned = await this.assignQueued(em, routing, turns, pending);
      if (routing.roundRobin) await this.routeUnrouted(em, routing, turns, pending);
      await this.events.append(em, routing.accountId, dedupeQueueChanges(pending));
      return assigned;
    });
  }

  private async assignQueued(
    em: EntityManager,
    routing: TeamRoutingEntity,
    turns: TeamTurns,
    pending: PendingEvent[],
  ): Promise<number> {
    let assigned = 0;
    for (const entry of await this.queue.head(em, routing.teamId, BATCH)) {
      if (!turns.hasRoom()) break;
      const conv = await this.queue.claimConversation(em, entry.conversationId);
      // Someone is changing it right now: keep the order and look again next pass.
      if (!conv) break;
      if (!waitsFor(conv, routing.teamId)) {
        await this.queue.remove(em, conv.id);
        pending.push(queueChanged(routing.teamId));
        continue;
      }
      // Nobody with room may work its inbox: it keeps its place, the next ones may go.
      const pick = await turns.pick(conv.inboxId);
      if (!pick) continue;
      await this.roundRobin.takeTurn(em, routing, turns, conv, pick, entry.routedBy, pending);
      assigned++;
    }
    return assigned;
  }

  private async routeUnrouted(
    em: EntityManager,
    routing: TeamRoutingEntity,
    turns: TeamTurns,
    pending: PendingEvent[],
  ): Promise<void> {
    for (const id of await this.queue.unrouted(em, routing.teamId, BATCH)) {
      const conv = await this.queue.claimConversation(em, id);
      if (!conv || !waitsFor(conv, routing.teamId) || (await this.queue.find(em, id))) continue;
      await this.roundRobin.routeLocked(em, routing, turns, conv, null, pending);
    }
  }
}

/** Still open, unassigned, unmerged and the team's. */
const waitsFor = (conv: ConversationEntity, teamId: string) =>
  conv.status === 'open' &&
  conv.assigneeId === null &&
  conv.mergedIntoId === null &&
  conv.assigneeTeamId === teamId;
