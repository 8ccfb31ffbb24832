import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MAX_HEARTBEAT_SECONDS,
  MAX_TIME_ADJUSTMENT_DAYS_BACK,
  localDayOf,
  noonOfLocalDay,
  type ConversationTimeDto,
  type TimeAdjustmentRequest,
  type TimeHeartbeatDto,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { TimeEntriesRepository } from './time-entries.repository';
import { TimeQueriesService } from './time-queries.service';
import { TimeReportRepository } from './time-report.repository';

/** A segment whose latest heartbeat is older than this has ended; the next heartbeat starts one. */
export const SEGMENT_GAP_SECONDS = 300;

const changed = (conversationId: string): PendingEvent => ({
  type: 'time.changed',
  conversationId,
  payload: { conversationId },
});

/**
 * Tracked time and its corrections. A heartbeat credits at most MAX_HEARTBEAT_SECONDS and never
 * more than the wall time its segment has lasted (on the database's clock), so a forged or
 * replayed heartbeat cannot add time that did not pass.
 */
@Injectable()
export class TimeTrackingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly entries: TimeEntriesRepository,
    private readonly queries: TimeQueriesService,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly events: EventLogService,
    private readonly report: TimeReportRepository,
  ) {}

  heartbeat(
    op: AuthenticatedOperator,
    conversationId: string,
    claimed: number,
  ): Promise<TimeHeartbeatDto> {
    return this.ds.transaction(async (em) => {
      if (!(await this.conversations.isVisibleTo(op, conversationId, em)))
        throw notFound('Conversation');
      await this.entries.lockOperatorConversation(em, op.id, conversationId);
      const before = await this.entries.totals(em, conversationId, op.id);
      const wanted = Math.min(claimed, MAX_HEARTBEAT_SECONDS);
      const segment =
        wanted > 0 ? await this.entries.currentSegment(em, op.id, conversationId) : null;
      let credited = 0;
      if (wanted > 0 && segment && segment.sinceBeat <= SEGMENT_GAP_SECONDS) {
        // Within the wall time since the previous heartbeat, and within the segment's whole span.
        const sinceBeat = Math.ceil(segment.sinceBeat);
        const unspent = Math.floor(segment.sinceStart) - segment.seconds;
        credited = Math.max(0, Math.min(wanted, sinceBeat, unspent));
        if (credited > 0) await this.entries.growSegment(em, segment.id, credited);
      } else if (wanted > 0) {
        // A new segment: its first seconds must fit since the previous segment's last heartbeat.
        credited = segment ? Math.min(wanted, Math.floor(segment.sinceBeat)) : wanted;
        if (credited > 0)
          await this.entries.startSegment(em, {
            accountId: op.accountId,
            conversationId,
            operatorId: op.id,
            seconds: credited,
          });
      }
      const after = { total: before.total + credited, mine: before.mine + credited };
      // Clients show whole minutes: tell them when the figure they show can change, not every beat.
      if (Math.floor(after.total / 60) !== Math.floor(before.total / 60))
        await this.events.append(em, op.accountId, [changed(conversationId)]);
      return { credited, totalSeconds: after.total, mineSeconds: after.mine };
    });
  }

  /**
   * Adds or removes seconds of an operator's time (one's own; admins anyone's), with the reason,
   * an activity in the timeline and `time.changed`. Taking the time below 0 is refused (422).
   */
  adjust(
    op: AuthenticatedOperator,
    conversationId: string,
    req: TimeAdjustmentRequest,
  ): Promise<ConversationTimeDto> {
    return this.ds.transaction(async (em) => {
      const conv = await this.conversations.lockOwned(em, op, conversationId);
      if (!conv) throw notFound('Conversation');
      const targetId = req.operatorId ?? op.id;
      if (targetId !== op.id && op.role !== 'admin')
        throw new AppException('FORBIDDEN', "Only admins can correct a colleague's time");
      const target =
        targetId === op.id
          ? { id: op.id, name: op.name }
          : await this.entries.findOperator(em, op.accountId, targetId);
      if (!target)
        throw new AppException('INVALID_TIME_ADJUSTMENT', 'operatorId: no such operator here');
      const startedAt = req.day ? await this.dayOfWork(op.accountId, req.day) : null;
      await this.entries.lockOperatorConversation(em, target.id, conv.id);
      const { mine } = await this.entries.totals(em, conv.id, target.id);
      if (mine + req.seconds < 0)
        throw new AppException(
          'INVALID_TIME_ADJUSTMENT',
          `seconds: ${target.name} has ${mine} s on this conversation; at most that can be removed`,
          { availableSeconds: mine },
        );
      await this.entries.insertAdjustment(em, {
        accountId: op.accountId,
        conversationId: conv.id,
        operatorId: target.id,
        seconds: req.seconds,
        reason: req.reason,
        createdById: op.id,
        startedAt,
      });
      const message = await this.messages.insertActivity(em, conv, {
        type: 'time_adjusted',
        by: { id: op.id, name: op.name },
        operator: { id: target.id, name: target.name },
        seconds: req.seconds,
        reason: req.reason,
      });
      const conversation = await this.conversations.loadSummary(em, conv.id);
      await this.events.append(em, op.accountId, [
        { type: 'message.created', conversationId: conv.id, payload: { message, conversation } },
        changed(conv.id),
      ]);
      return this.queries.load(em, op, conv.id);
    });
  }

  /** Noon of the day the corrected work was done (today: now), or 422 for a day it cannot be. */
  private async dayOfWork(accountId: string, day: string): Promise<Date | null> {
    const timezone = await this.report.timezone(accountId);
    const today = localDayOf(timezone, new Date());
    const back = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
    if (back < 0) throw new AppException('INVALID_TIME_ADJUSTMENT', `day: ${day} is in the future`);
    if (back > MAX_TIME_ADJUSTMENT_DAYS_BACK)
      throw new AppException(
        'INVALID_TIME_ADJUSTMENT',
        `day: at most ${MAX_TIME_ADJUSTMENT_DAYS_BACK} days back`,
      );
    return back === 0 ? null : noonOfLocalDay(timezone, day);
  }
}
