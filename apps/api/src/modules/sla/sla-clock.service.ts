import { Injectable } from '@nestjs/common';
import { businessMinutesBetween, type SlaTarget } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { nextCheck, targetTimes } from './sla-clock';
import { SlaTargetsRepository, type SlaTargetRow } from './sla-targets.repository';

/** What happened to a conversation, as far as its SLA clocks care. */
export type SlaHappening =
  | 'created'
  | 'customer_message'
  | 'operator_reply'
  | 'closed'
  | 'reopened'
  | 'snoozed'
  | 'woke'
  | 'priority_changed';

type Conversation = Pick<
  ConversationEntity,
  'id' | 'accountId' | 'inboxId' | 'priority' | 'status' | 'firstReplyAt' | 'createdAt'
>;

/**
 * A target this happening completed that counts as an outcome: a response target answered by a
 * reply, or resolution by a close. `met` when on time; otherwise late, and breached here if the
 * poller had not come to it yet (it would have within a second or two).
 */
export interface SlaCompletion {
  target: SlaTarget;
  dueAt: Date;
  met: boolean;
  /** Not yet marked breached when completed late: the caller writes the breach. */
  breachedNow: boolean;
}

export interface SlaApplied {
  changed: boolean;
  completed: SlaCompletion[];
}

/**
 * Starts, stops, pauses and recomputes a conversation's SLA targets. The caller holds the
 * conversation's row lock and writes the stream events; `apply` says whether anything changed.
 */
@Injectable()
export class SlaClockService {
  constructor(private readonly repo: SlaTargetsRepository) {}

  async apply(
    em: EntityManager,
    conv: Conversation,
    what: SlaHappening,
    at: Date,
  ): Promise<SlaApplied> {
    const rows = await this.repo.ofConversation(em, conv.id);
    const row = (t: SlaTarget) => rows.find((r) => r.target === t);
    const running = (t: SlaTarget) => {
      const r = row(t);
      return r && !r.completedAt ? r : null;
    };
    let changed: boolean;
    const completed: SlaCompletion[] = [];
    switch (what) {
      case 'created':
        changed = await this.start(em, conv, ['first_response', 'resolution'], at);
        break;
      case 'customer_message': {
        // A new round of "next response" starts when the customer writes after our reply.
        const replied = Boolean(row('first_response') ?? row('next_response') ?? conv.firstReplyAt);
        const waiting = running('first_response') ?? running('next_response');
        changed =
          replied && !waiting && conv.status !== 'closed'
            ? await this.start(em, conv, ['next_response'], at)
            : false;
        break;
      }
      case 'operator_reply':
        changed = await this.complete(em, rows, ['first_response', 'next_response'], at, completed);
        break;
      case 'closed':
        // Closing ends the response clocks too, but only resolution has an outcome.
        changed = await this.complete(
          em,
          rows,
          ['first_response', 'next_response', 'resolution'],
          at,
          completed,
          ['resolution'],
        );
        break;
      case 'reopened':
        changed = running('resolution') ? false : await this.start(em, conv, ['resolution'], at);
        break;
      case 'snoozed':
        changed = await this.pause(em, rows, at);
        break;
      case 'woke':
        changed = await this.resume(em, conv, rows, at);
        break;
      case 'priority_changed':
        changed = await this.recompute(em, conv, rows, at);
        break;
    }
    if (changed) await this.repo.mirror(em, conv.id, await this.repo.ofConversation(em, conv.id));
    return { changed, completed };
  }

  private async start(
    em: EntityManager,
    conv: Conversation,
    targets: SlaTarget[],
    at: Date,
  ): Promise<boolean> {
    const policy = await this.repo.policyFor(em, conv.inboxId, conv.priority);
    if (!policy) return false;
    const hours = await this.repo.inboxHours(em, conv.inboxId);
    let started = false;
    for (const target of targets) {
      const times = targetTimes(policy, target, hours, at, 0);
      if (!times) continue;
      const pausedAt = conv.status === 'snoozed' && !policy.countSnoozed ? at : null;
      const next = { state: 'running' as const, ...times, pausedAt, completedAt: null };
      await this.repo.put(em, {
        accountId: conv.accountId,
        conversationId: conv.id,
        target,
        policyId: policy.id,
        startedAt: at,
        pausedMinutes: 0,
        checkAt: nextCheck(next),
        ...next,
      });
      started = true;
    }
    return started;
  }

  private async complete(
    em: EntityManager,
    rows: SlaTargetRow[],
    targets: SlaTarget[],
    at: Date,
    completed: SlaCompletion[],
    outcomes: SlaTarget[] = targets,
  ): Promise<boolean> {
    const done = rows.filter((r) => targets.includes(r.target) && !r.completedAt);
    for (const r of done) {
      // A paused clock stood still from pausedAt: it was on time if it paused before its due time.
      const met = r.state !== 'breached' && (r.pausedAt ?? at) <= r.dueAt;
      const breachedNow = outcomes.includes(r.target) && !met && r.state !== 'breached';
      await this.repo.update(em, r.conversationId, r.target, {
        completedAt: at,
        checkAt: null,
        pausedAt: null,
        ...(breachedNow ? { state: 'breached' as const } : {}),
      });
      if (outcomes.includes(r.target))
        completed.push({ target: r.target, dueAt: r.dueAt, met, breachedNow });
    }
    return done.length > 0;
  }

  /** Snoozed: clocks of policies that do not count snoozed time stand still. */
  private async pause(em: EntityManager, rows: SlaTargetRow[], at: Date): Promise<boolean> {
    let paused = false;
    for (const r of rows) {
      if (r.completedAt || r.pausedAt || r.state === 'breached' || !r.policyId) continue;
      const policy = await this.repo.findPolicy(em, r.policyId);
      if (!policy || policy.countSnoozed) continue;
      await this.repo.update(em, r.conversationId, r.target, { pausedAt: at, checkAt: null });
      paused = true;
    }
    return paused;
  }

  /** Awake again: every paused clock is due later by the (counted) time it stood still. */
  private async resume(
    em: EntityManager,
    conv: Conversation,
    rows: SlaTargetRow[],
    at: Date,
  ): Promise<boolean> {
    const paused = rows.filter((r) => r.pausedAt && !r.completedAt);
    if (paused.length === 0) return false;
    const hours = await this.repo.inboxHours(em, conv.inboxId);
    for (const r of paused) {
      if (!r.pausedAt) continue;
      const policy = r.policyId ? await this.repo.findPolicy(em, r.policyId) : null;
      const counted = policy?.businessHours ? hours : null;
      const pausedMinutes = r.pausedMinutes + businessMinutesBetween(counted, r.pausedAt, at);
      const times = policy
        ? targetTimes(policy, r.target, hours, r.startedAt, pausedMinutes)
        : null;
      const next = { ...r, ...(times ?? {}), pausedAt: null, pausedMinutes };
      await this.repo.update(em, r.conversationId, r.target, {
        dueAt: next.dueAt,
        warnAt: next.warnAt,
        pausedAt: null,
        pausedMinutes,
        checkAt: nextCheck(next),
      });
    }
    return true;
  }

  /**
   * The priority changed: running targets follow the new priority's policy from when they
   * started (ending those it has no target for), and targets it adds start from the beginning.
   */
  private async recompute(
    em: EntityManager,
    conv: Conversation,
    rows: SlaTargetRow[],
    at: Date,
  ): Promise<boolean> {
    const policy = await this.repo.policyFor(em, conv.inboxId, conv.priority);
    const hours = await this.repo.inboxHours(em, conv.inboxId);
    let changed = false;
    for (const r of rows.filter((x) => !x.completedAt)) {
      const times = policy
        ? targetTimes(policy, r.target, hours, r.startedAt, r.pausedMinutes)
        : null;
      if (!policy || !times) {
        await this.repo.update(em, r.conversationId, r.target, { completedAt: at, checkAt: null });
      } else {
        const next = { ...r, ...times };
        await this.repo.update(em, r.conversationId, r.target, {
          policyId: policy.id,
          dueAt: times.dueAt,
          warnAt: times.warnAt,
          checkAt: nextCheck(next),
        });
      }
      changed = true;
    }
    // Targets the old priority had no policy for, counted from the conversation's start.
    const missing: SlaTarget[] = [];
    if (!rows.some((r) => r.target === 'first_response') && !conv.firstReplyAt)
      missing.push('first_response');
    if (!rows.some((r) => r.target === 'resolution') && conv.status !== 'closed')
      missing.push('resolution');
    if (missing.length > 0 && (await this.start(em, conv, missing, conv.createdAt))) changed = true;
    return changed;
  }
}
