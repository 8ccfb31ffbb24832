import { Injectable, OnModuleInit } from '@nestjs/common';
import { businessMinutesBetween, type BusinessHours } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { ReportConversationStateEntity } from './entities/report-conversation-state.entity';
import type { ReportResponseEntity } from './entities/report-response.entity';
import { localDay } from './report-days';
import {
  DAILY_COLUMNS,
  ReportFactsRepository,
  dimKey,
  type DailyColumn,
  type DailyDelta,
} from './report-facts.repository';
import {
  fold,
  mergeWait,
  reportInputOf,
  type FoldEffect,
  type FoldState,
  type ReportDims,
  type ReportInput,
} from './report-fold';

const COUNTER_COLUMN = {
  newCount: 'new_count',
  closedCount: 'closed_count',
  reopenedCount: 'reopened_count',
  replies: 'replies',
  slaBreached: 'sla_breached',
} as const;

/** Everything one batch writes, gathered so counters and responses go in one statement each. */
class BatchWrites {
  readonly daily = new Map<string, DailyDelta>();
  readonly responses: Array<Omit<ReportResponseEntity, 'id' | 'account'>> = [];

  add(accountId: string, input: ReportInput, day: string, column: DailyColumn, by = 1): void {
    const key = `${input.conversationId}|${day}|${dimKey(input.dims)}`;
    let row = this.daily.get(key);
    if (!row) {
      const counts = Object.fromEntries(DAILY_COLUMNS.map((c) => [c, 0])) as DailyDelta['counts'];
      row = { accountId, conversationId: input.conversationId, day, dims: input.dims, counts };
      this.daily.set(key, row);
    }
    row.counts[column] += by;
  }
}

/**
 * Turns each account's committed events into report facts and rollups, exactly once: a durable
 * event consumer, so what it writes commits with its cursor. Times are the events' own, so a
 * consumer running late writes the same facts. Days are local days of the account's timezone.
 */
@Injectable()
export class ReportEventConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'reports';

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly facts: ReportFactsRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void> {
    const inputs = events.flatMap(({ event }) => reportInputOf(event) ?? []);
    if (inputs.length === 0) return;
    const timezone = await this.facts.timezoneOf(em, accountId);
    const hours = await this.facts.businessHoursOf(em, [
      ...new Set(inputs.map((i) => i.dims.inboxId)),
    ]);
    const ids = new Set(inputs.map((i) => i.conversationId));
    for (const i of inputs) if (i.what.kind === 'merged') ids.add(i.what.targetId);
    const states = new Map(
      (await this.facts.states(em, [...ids].sort())).map((s) => [s.conversationId, s]),
    );
    const stateOf = (conversationId: string) => {
      let s = states.get(conversationId);
      if (!s) {
        s = Object.assign(new ReportConversationStateEntity(), {
          conversationId,
          accountId,
          cycleId: null,
          cycleSeq: 0,
          awaitingSince: null,
          replied: false,
        });
        states.set(conversationId, s);
      }
      return s;
    };
    const owners = new Map<string, ReportDims>();
    const writes = new BatchWrites();

    for (const event of inputs) {
      // A reply counts for whoever wrote it, not the assignee.
      const input =
        event.what.kind === 'operator_reply'
          ? { ...event, dims: { ...event.dims, operatorId: event.what.operatorId } }
          : event;
      const row = stateOf(input.conversationId);
      const before = toFold(row);
      const { state, effects } = fold(before, input.what, input.at);
      const day = localDay(timezone, input.at);
      for (const effect of effects) {
        await this.apply(em, accountId, input, day, effect, row, writes, hours);
      }
      Object.assign(row, { cycleSeq: state.cycleSeq, awaitingSince: state.awaitingSince });
      row.replied = state.replied;
      if (!state.cycleOpen) row.cycleId = null;
      owners.set(input.conversationId, event.dims);
      if (input.what.kind === 'merged') {
        const target = stateOf(input.what.targetId);
        target.awaitingSince = mergeWait(toFold(target), before).awaitingSince;
        // Counters gathered so far go in first, then every fact of the source moves over.
        await this.facts.addDaily(em, [...writes.daily.values()]);
        writes.daily.clear();
        await this.facts.insertResponses(em, writes.responses.splice(0));
        await this.facts.repoint(em, input.conversationId, input.what.targetId);
      }
    }
    // An open cycle belongs to the conversation's latest owner (its team and operator).
    for (const [conversationId, dims] of owners) {
      const cycleId = states.get(conversationId)?.cycleId;
      if (cycleId)
        await this.facts.updateCycle(em, cycleId, {
          teamId: dims.teamId,
          operatorId: dims.operatorId,
        });
    }
    await this.facts.saveStates(em, [...states.values()]);
    await this.facts.insertResponses(em, writes.responses);
    await this.facts.addDaily(em, [...writes.daily.values()]);
  }

  private async apply(
    em: EntityManager,
    accountId: string,
    input: ReportInput,
    day: string,
    effect: FoldEffect,
    row: ReportConversationStateEntity,
    writes: BatchWrites,
    hours: Map<string, BusinessHours | null>,
  ): Promise<void> {
    const schedule = hours.get(input.dims.inboxId) ?? null;
    const durations = (from: Date) => ({
      seconds: (input.at.getTime() - from.getTime()) / 1000,
      businessSeconds: businessMinutesBetween(schedule, from, input.at) * 60,
    });
    switch (effect.type) {
      case 'count':
        writes.add(accountId, input, day, COUNTER_COLUMN[effect.counter]);
        return;
      case 'open_cycle':
        row.cycleId = await this.facts.openCycle(em, {
          accountId,
          conversationId: input.conversationId,
          seq: effect.seq,
          startedAt: input.at,
          startedDay: day,
          ...input.dims,
        });
        return;
      case 'close_cycle': {
        const cycle = row.cycleId ? await this.facts.cycle(em, row.cycleId) : null;
        if (!cycle) return;
        const d = durations(cycle.startedAt);
        await this.facts.updateCycle(em, cycle.id, {
          closedAt: input.at,
          closedDay: day,
          merged: effect.merged,
          teamId: input.dims.teamId,
          operatorId: input.dims.operatorId,
          seconds: effect.merged ? null : d.seconds,
          businessSeconds: effect.merged ? null : d.businessSeconds,
        });
        return;
      }
      case 'response':
        writes.responses.push({
          accountId,
          conversationId: input.conversationId,
          kind: effect.kind,
          day,
          ...input.dims,
          operatorId: effect.operatorId,
          askedAt: effect.askedAt,
          answeredAt: input.at,
          ...durations(effect.askedAt),
        });
        return;
      case 'sla_check':
        if (
          await this.facts.slaMet(em, input.conversationId, effect.target, effect.since, input.at)
        )
          writes.add(accountId, input, day, 'sla_met');
        return;
      case 'survey':
        if (effect.scale === 'csat') {
          writes.add(accountId, input, day, 'csat_count');
          writes.add(accountId, input, day, 'csat_sum', effect.rating);
          if (effect.rating >= 4) writes.add(accountId, input, day, 'csat_satisfied');
        } else {
          writes.add(accountId, input, day, 'nps_count');
          if (effect.rating >= 9) writes.add(accountId, input, day, 'nps_promoters');
          if (effect.rating <= 6) writes.add(accountId, input, day, 'nps_detractors');
        }
        return;
    }
  }
}

const toFold = (s: ReportConversationStateEntity): FoldState => ({
  cycleOpen: s.cycleId !== null,
  cycleSeq: s.cycleSeq,
  awaitingSince: s.awaitingSince,
  replied: s.replied,
});
