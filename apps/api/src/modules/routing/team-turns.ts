import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InboxAccessRepository } from '../access/inbox-access.repository';
import type { TeamRoutingEntity } from './entities/team-routing.entity';
import { OperatorConnectionsRepository } from './operator-connections.repository';
import { RoutingSettingsRepository } from './routing-settings.repository';

export interface Turn {
  operatorId: string;
  name: string;
  maxOpen: number;
  open: number;
}

/**
 * The available members of one team in turn order (longest since their last round-robin
 * assignment first, never-assigned before everyone), with their load, for one pass under the
 * team's lock. Whoever gets a conversation goes to the back of the line, so nobody is skipped
 * twice in a row while they have room.
 */
export class TeamTurns {
  private readonly mayWorkCache = new Map<string, boolean>();

  constructor(
    private readonly line: Turn[],
    private readonly mayWork: (operatorId: string, inboxId: string) => Promise<boolean>,
  ) {}

  /** Someone available still has room. */
  hasRoom(): boolean {
    return this.line.some((t) => t.open < t.maxOpen);
  }

  /** The first in line with room who may work the inbox; null when nobody can take it. */
  async pick(inboxId: string): Promise<Turn | null> {
    for (const turn of this.line) {
      if (turn.open >= turn.maxOpen) continue;
      const key = `${turn.operatorId}:${inboxId}`;
      let ok = this.mayWorkCache.get(key);
      if (ok === undefined)
        this.mayWorkCache.set(key, (ok = await this.mayWork(turn.operatorId, inboxId)));
      if (ok) return turn;
    }
    return null;
  }

  /** `turn` got one: one more open, and the back of the line. */
  took(turn: Turn): void {
    turn.open++;
    this.line.splice(this.line.indexOf(turn), 1);
    this.line.push(turn);
  }

  /** Operator ids in line order (tests and logs). */
  order(): string[] {
    return this.line.map((t) => t.operatorId);
  }
}

/** Builds a team's TeamTurns from the database, inside the transaction that holds its lock. */
@Injectable()
export class TeamTurnsLoader {
  constructor(
    private readonly settings: RoutingSettingsRepository,
    private readonly connections: OperatorConnectionsRepository,
    private readonly inboxAccess: InboxAccessRepository,
  ) {}

  async load(em: EntityManager, routing: TeamRoutingEntity): Promise<TeamTurns> {
    const members = await this.settings.members(em, routing.teamId);
    const ids = members.map((m) => m.operatorId);
    // Before reading their load: another team's pass may be giving them a conversation right now.
    await this.connections.lockForRouting(em, ids);
    const available = await this.connections.availableAmong(em, ids);
    const open = await this.connections.openAssigned(em, ids);
    const line = members
      .filter((m) => available.has(m.operatorId))
      .map((m) => ({
        operatorId: m.operatorId,
        name: m.name,
        maxOpen: m.maxOpen ?? routing.maxOpenPerOperator,
        open: open.get(m.operatorId) ?? 0,
      }));
    return new TeamTurns(line, (operatorId, inboxId) =>
      this.inboxAccess.operatorMayWork(em, operatorId, inboxId),
    );
  }
}
