import { Injectable } from '@nestjs/common';
import type { ActorRef, RouteResult } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import type { TeamRoutingEntity } from './entities/team-routing.entity';
import { dedupeQueueChanges, queueChanged } from './queue-changed.event';
import { RoutedAssignment } from './routed-assignment';
import { RoutingQueueRepository } from './routing-queue.repository';
import { RoutingSettingsRepository } from './routing-settings.repository';
import { TeamTurnsLoader, type TeamTurns, type Turn } from './team-turns';

/**
 * Round-robin assignment within a team. Locks: the conversation first, then the team's routing
 * row (the order a rule acting on a locked conversation has too), so every routing decision of a
 * team, on any instance, sees the loads the previous one left.
 */
@Injectable()
export class RoundRobinService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly settings: RoutingSettingsRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly turns: TeamTurnsLoader,
    private readonly writer: RoutedAssignment,
    private readonly events: EventLogService,
  ) {}

  /**
   * Assigns the conversation to the next available member of the team with room, or puts it in
   * the team's queue. Runs in the caller's transaction (the rules engine's); `by` is the rule or
   * operator named on the activities.
   */
  async route(
    em: EntityManager,
    conversationId: string,
    teamId: string,
    by: ActorRef,
  ): Promise<RouteResult> {
    const team = await this.settings.findTeam(em, teamId);
    if (!team) throw new AppException('VALIDATION_FAILED', 'teamId: no such team');
    const conv = await this.conversations.lockForAccount(em, team.accountId, conversationId);
    if (!conv) throw notFound('Conversation');
    if (conv.status !== 'open' || conv.mergedIntoId)
      throw new AppException('INVALID_STATE', 'Only an open conversation can be routed');
    const routing = await this.settings.lockTeam(em, team.accountId, teamId);
    const pending = await this.writer.setTeam(em, conv, { id: team.id, name: team.name }, by);
    const turns = await this.turns.load(em, routing);
    const result = await this.routeLocked(em, routing, turns, conv, by, pending);
    await this.events.append(em, team.accountId, dedupeQueueChanges(pending));
    return result;
  }

  /**
   * The decision itself, with the conversation and the team locked by the caller and the team's
   * line loaded; events go into `pending`.
   */
  async routeLocked(
    em: EntityManager,
    routing: TeamRoutingEntity,
    turns: TeamTurns,
    conv: ConversationEntity,
    by: ActorRef | null,
    pending: PendingEvent[],
  ): Promise<RouteResult> {
    const { teamId, accountId } = routing;
    const pick = await turns.pick(conv.inboxId);
    if (pick) {
      await this.takeTurn(em, routing, turns, conv, pick, by, pending);
      return { status: 'assigned', operator: { id: pick.operatorId, name: pick.name } };
    }
    // Nobody has room: the conversation waits for the team, unassigned.
    if (by) pending.push(...(await this.writer.assign(em, conv, null, by)));
    const entry = await this.queue.find(em, conv.id);
    if (entry?.teamId === teamId)
      return { status: 'queued', position: await this.queue.position(em, teamId, entry.seq) };
    if (entry) {
      await this.queue.remove(em, conv.id);
      pending.push(queueChanged(entry.teamId));
    }
    const seq = await this.settings.nextSeq(em, teamId);
    await this.queue.insert(em, { accountId, conversationId: conv.id, teamId, seq, routedBy: by });
    pending.push(queueChanged(teamId));
    return { status: 'queued', position: await this.queue.position(em, teamId, seq) };
  }

  /** `pick` gets the conversation: their turn is recorded and it leaves any queue. */
  async takeTurn(
    em: EntityManager,
    routing: TeamRoutingEntity,
    turns: TeamTurns,
    conv: ConversationEntity,
    pick: Turn,
    by: ActorRef | null,
    pending: PendingEvent[],
  ): Promise<void> {
    const seq = await this.settings.nextSeq(em, routing.teamId);
    await this.settings.recordTurn(em, routing.accountId, routing.teamId, pick.operatorId, seq);
    turns.took(pick);
    pending.push(
      ...(await this.writer.assign(em, conv, { id: pick.operatorId, name: pick.name }, by)),
    );
    if (await this.queue.remove(em, conv.id)) pending.push(queueChanged(routing.teamId));
  }
}
