import { Injectable, OnModuleInit } from '@nestjs/common';
import { businessMinutesBetween } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { ReportConversationStateEntity } from './entities/report-conversation-state.entity';
import { ReportCellsRepository } from './report-cells.repository';
import { ReportSpansRepository } from './report-spans.repository';
import { BatchWrites, type Batch } from './report-batch';
import { ReportTagCellsRepository, type TagMove } from './report-tag-cells.repository';
import { localDay } from './report-days';
import { ReportFactsRepository } from './report-facts.repository';
import {
  fold,
  mergeWait,
  REPORT_EVENT_TYPES,
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
  slaMet: 'sla_met',
  slaBreached: 'sla_breached',
} as const;

/**
 * Turns each account's committed events into report facts and rollups, exactly once: a durable
 * event consumer, so what it writes commits with its cursor. Times are the events' own, so a
 * consumer running late writes the same facts. Days are local days of the account's timezone.
 */
@Injectable()
export class ReportEventConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'reports';
  readonly eventTypes = REPORT_EVENT_TYPES;

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly facts: ReportFactsRepository,
    private readonly cells: ReportCellsRepository,
    private readonly spans: ReportSpansRepository,
    private readonly tagCells: ReportTagCellsRepository,
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
    // Only what counts needs a conversation's remembered state; a mere touch needs its span.
    const counted = new Set(
      inputs.flatMap((i) =>
        i.what.kind === 'touched'
          ? []
          : i.what.kind === 'merged'
            ? [i.conversationId, i.what.targetId]
            : [i.conversationId],
      ),
    );
    const states = new Map(
      (await this.facts.states(em, [...counted].sort())).map((s) => [s.conversationId, s]),
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
    const writes = new BatchWrites();
    const spans = new Map(
      (await this.spans.openSpans(em, [...ids])).map((s) => [
        s.conversationId,
        {
          id: s.id,
          startedAt: s.startedAt,
          startedDay: s.startedDay,
          dims: {
            inboxId: s.inboxId,
            channel: s.channel,
            teamId: s.teamId,
            operatorId: s.operatorId,
          },
        },
      ]),
    );
    const batch: Batch = { accountId, writes, hours, spans, moved: new Set() };
    // The tags the cells count each conversation under, and those its latest event shows.
    const countedTags = await this.tagCells.known(em, [...ids]);
    const latestTags = new Map<string, string[]>();

    for (const event of inputs) {
      if (event.tags) latestTags.set(event.conversationId, event.tags);
      // A reply, and a response SLA it met, count for whoever wrote it, not the assignee.
      const what = event.what;
      const replier =
        what.kind === 'operator_reply' || (what.kind === 'sla_met' && what.operatorId)
          ? what.operatorId
          : undefined;
      const input =
        replier === undefined ? event : { ...event, dims: { ...event.dims, operatorId: replier } };
      const day = localDay(timezone, input.at);
      if (input.what.kind === 'touched') {
        await this.follow(em, batch, event, day);
        continue;
      }
      const row = stateOf(input.conversationId);
      const before = toFold(row);
      const { state, effects } = fold(before, input.what, input.at);
      // A new owner or place of an open conversation: its backlog span moves at this instant
      // (unless it closes now, which ends the span where it was).
      if (!effects.some((e) => e.type === 'close_cycle')) await this.follow(em, batch, event, day);
      // A met SLA counts on the day of the reply or close that met it, not of its event.
      const effectDay =
        input.what.kind === 'sla_met' ? localDay(timezone, input.what.completedAt) : day;
      for (const effect of effects) await this.apply(em, batch, input, effectDay, effect, row);
      Object.assign(row, { cycleSeq: state.cycleSeq, awaitingSince: state.awaitingSince });
      row.replied = state.replied;
      if (!state.cycleOpen) row.cycleId = null;
      if (input.what.kind === 'merged') {
        const target = stateOf(input.what.targetId);
        target.awaitingSince = mergeWait(toFold(target), before).awaitingSince;
        // Counters gathered so far go in first, then every fact of the source moves over (the
        // cells keep each fact's own dimensions, so they do not move; only its tags change).
        await this.flush(em, accountId, writes);
        await this.retag(em, accountId, countedTags, input.conversationId, input.what.targetId);
        await this.facts.repoint(em, input.conversationId, input.what.targetId);
        await this.spans.repoint(em, input.conversationId, input.what.targetId);
      }
    }
    // An open cycle belongs to the conversation's latest owner: its last span's, if one moved.
    for (const conversationId of batch.moved) {
      const dims = spans.get(conversationId)?.dims;
      const known = states.get(conversationId);
      const cycleId = known ? known.cycleId : await this.facts.openCycleId(em, conversationId);
      if (dims && cycleId)
        await this.facts.updateCycle(em, cycleId, {
          teamId: dims.teamId,
          operatorId: dims.operatorId,
        });
    }
    await this.facts.saveStates(em, [...states.values()]);
    await this.flush(em, accountId, writes);
    // A conversation whose tags changed: its whole history moves between the tags' cells.
    for (const [conversationId, tags] of latestTags) {
      const counted = countedTags.get(conversationId) ?? [];
      const moves = tagMoves(conversationId, counted, tags);
      if (moves.length === 0) continue;
      await this.tagCells.move(em, accountId, moves);
      await this.tagCells.setTags(em, accountId, conversationId, tags);
      countedTags.set(conversationId, tags);
    }
  }

  /**
   * A merge, before the source's facts move to the target: they leave the source's tag cells
   * for the target's, and the source keeps no tags of its own (it has no facts left).
   */
  private async retag(
    em: EntityManager,
    accountId: string,
    countedTags: Map<string, string[]>,
    sourceId: string,
    targetId: string,
  ): Promise<void> {
    const from = countedTags.get(sourceId) ?? [];
    await this.tagCells.move(
      em,
      accountId,
      tagMoves(sourceId, from, countedTags.get(targetId) ?? []),
    );
    if (from.length === 0) return;
    await this.tagCells.setTags(em, accountId, sourceId, []);
    countedTags.set(sourceId, []);
  }

  /** Facts and their rollup cells, in the same transaction: they never disagree. */
  private async flush(em: EntityManager, accountId: string, writes: BatchWrites): Promise<void> {
    const daily = [...writes.daily.values()];
    writes.daily.clear();
    await this.facts.addDaily(em, daily);
    await this.cells.addCounters(em, daily);
    await this.facts.insertResponses(em, writes.responses.splice(0));
    await this.cells.addTimes(em, accountId, writes.times.splice(0));
    await this.spans.addBacklog(em, accountId, [...writes.backlog.values()]);
    writes.backlog.clear();
  }

  /**
   * A new owner or place of an open conversation: its backlog span moves at this instant (a
   * close ends the span where it was instead).
   */
  private async follow(em: EntityManager, batch: Batch, event: ReportInput, day: string) {
    const open = batch.spans.get(event.conversationId);
    if (!open || sameDims(open.dims, event.dims)) return;
    await this.endSpan(em, batch, event.conversationId, event.at, day);
    await this.startSpan(em, batch, event.conversationId, event.dims, event.at, day);
    batch.moved.add(event.conversationId);
  }

  private async startSpan(
    em: EntityManager,
    batch: Batch,
    conversationId: string,
    dims: ReportDims,
    at: Date,
    day: string,
  ): Promise<void> {
    // At most one open span per conversation, whatever happened before.
    await this.endSpan(em, batch, conversationId, at, day);
    const id = await this.spans.start(em, {
      accountId: batch.accountId,
      conversationId,
      startedAt: at,
      startedDay: day,
      ...dims,
    });
    batch.spans.set(conversationId, { id, dims, startedAt: at, startedDay: day });
    batch.writes.span(conversationId, day, dims, 'opened');
  }

  private async endSpan(
    em: EntityManager,
    batch: Batch,
    conversationId: string,
    at: Date,
    day: string,
  ): Promise<void> {
    const open = batch.spans.get(conversationId);
    if (!open) return;
    // Never before its start: an event stamped earlier than the one that started it ends it
    // where it began (event times follow commits, so this is only a clock's step back).
    const [endAt, endDay] = at < open.startedAt ? [open.startedAt, open.startedDay] : [at, day];
    await this.spans.end(em, open.id, endAt, endDay);
    batch.spans.delete(conversationId);
    batch.writes.span(conversationId, endDay, open.dims, 'ended');
  }

  private async apply(
    em: EntityManager,
    batch: Batch,
    input: ReportInput,
    day: string,
    effect: FoldEffect,
    row: ReportConversationStateEntity,
  ): Promise<void> {
    const { accountId, writes, hours } = batch;
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
        await this.startSpan(em, batch, input.conversationId, input.dims, input.at, day);
        return;
      case 'close_cycle': {
        await this.endSpan(em, batch, input.conversationId, input.at, day);
        const cycle = row.cycleId ? await this.facts.cycle(em, row.cycleId) : null;
        if (!cycle) return;
        const d = durations(cycle.startedAt);
        if (!effect.merged)
          writes.times.push({
            conversationId: input.conversationId,
            metric: 'resolution',
            day,
            ...d,
            dims: {
              inboxId: cycle.inboxId,
              channel: cycle.channel,
              teamId: input.dims.teamId,
              operatorId: input.dims.operatorId,
            },
          });
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
      case 'response': {
        const d = durations(effect.askedAt);
        const dims = { ...input.dims, operatorId: effect.operatorId };
        writes.times.push({
          conversationId: input.conversationId,
          metric: effect.kind,
          day,
          ...d,
          dims,
        });
        writes.responses.push({
          accountId,
          conversationId: input.conversationId,
          kind: effect.kind,
          day,
          ...dims,
          askedAt: effect.askedAt,
          answeredAt: input.at,
          ...d,
        });
        return;
      }
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

/** A conversation's facts leave the tags it no longer has and enter those it newly has. */
function tagMoves(conversationId: string, from: string[], to: string[]): TagMove[] {
  return [
    ...from
      .filter((t) => !to.includes(t))
      .map((tagId) => ({ conversationId, tagId, sign: -1 as const })),
    ...to
      .filter((t) => !from.includes(t))
      .map((tagId) => ({ conversationId, tagId, sign: 1 as const })),
  ];
}

const sameDims = (a: ReportDims, b: ReportDims) =>
  a.inboxId === b.inboxId &&
  a.channel === b.channel &&
  a.teamId === b.teamId &&
  a.operatorId === b.operatorId;

const toFold = (s: ReportConversationStateEntity): FoldState => ({
  cycleOpen: s.cycleId !== null,
  cycleSeq: s.cycleSeq,
  awaitingSince: s.awaitingSince,
  replied: s.replied,
});
