import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActorRef, HandBackResultDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { toTeamMemberDto } from '../operators/operators.mapper';
import { OperatorsRepository } from '../operators/operators.repository';
import { queueChanged } from './queue-changed.event';
import { RoutedAssignment } from './routed-assignment';
import { RoutingDrainService } from './routing-drain.service';
import { RoutingQueueRepository } from './routing-queue.repository';
import { RoutingSettingsRepository } from './routing-settings.repository';

/**
 * "Hand back my queue": an operator who leaves returns their open conversations still waiting
 * for their reply to their teams' queues, unassigned, for the members who are there. Explicitly
 * (`POST /api/routing/hand-back`, which also sets them away) or, per team, on going away.
 */
@Injectable()
export class HandBackService {
  private readonly logger = new Logger(HandBackService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: RoutingSettingsRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly writer: RoutedAssignment,
    private readonly events: EventLogService,
    private readonly operators: OperatorsRepository,
    private readonly drain: RoutingDrainService,
  ) {}

  /** The caller goes away (so nothing comes straight back) and hands back every team's work. */
  async handBackMine(op: AuthenticatedOperator): Promise<HandBackResultDto> {
    // As the profile's presence switch does: colleagues see it live (`operator.updated`).
    await this.ds.transaction(async (em) => {
      await this.operators.updateProfile(em, op.id, { presence: 'away' });
      const member = await this.operators.findTeamMember(em, op.accountId, op.id);
      if (member)
        await this.events.append(em, op.accountId, [
          {
            type: 'operator.updated',
            conversationId: null,
            payload: { operator: toTeamMemberDto(member) },
          },
        ]);
    });
    return { handedBack: await this.handBack(op.accountId, { id: op.id, name: op.name }, false) };
  }

  /** On going away: only the teams that ask for it. */
  async onAway(accountId: string, operatorId: string): Promise<void> {
    const operator = await this.operators.findNameInAccount(this.ds.manager, accountId, operatorId);
    if (!operator) return;
    await this.handBack(accountId, { id: operator.id, name: operator.name }, true).catch(
      (err: Error) => this.logger.error(`Hand-back failed: ${err.message}`),
    );
  }

  private async handBack(
    accountId: string,
    operator: ActorRef,
    onlyOnAwayTeams: boolean,
  ): Promise<number> {
    const teams = (await this.settings.teamsOf(operator.id)).filter(
      (t) => !onlyOnAwayTeams || t.handBackOnAway,
    );
    let total = 0;
    for (const { teamId } of teams) {
      const n = await this.ds.transaction(async (em) => {
        // Conversations first, then the team: the lock order of routing everywhere.
        const convs = await this.queue.lockUnanswered(em, operator.id, teamId);
        if (convs.length === 0) return 0;
        await this.settings.lockTeam(em, accountId, teamId);
        const pending: PendingEvent[] = [];
        for (const conv of convs) {
          pending.push(...(await this.writer.assign(em, conv, null, operator)));
          await this.queue.remove(em, conv.id);
          const seq = await this.settings.nextSeq(em, teamId);
          await this.queue.insert(em, {
            accountId,
            conversationId: conv.id,
            teamId,
            seq,
            routedBy: null,
          });
        }
        pending.push(queueChanged(teamId));
        await this.events.append(em, accountId, pending);
        return convs.length;
      });
      if (n > 0) await this.drain.drainTeam(teamId);
      total += n;
    }
    return total;
  }
}
