import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import { AutomationRulesRepository } from './automation-rules.repository';
import { AutomationRunsRepository } from './automation-runs.repository';
import { AutomationTimeRepository } from './automation-time.repository';
import { RuleEngineService } from './rule-engine.service';

/** Time rules are looked at every second: a moment fires at most about a second late. */
const POLL_MS = 1_000;
const RUN_LOG_DAYS = 90;
/** Longer than any time trigger's delay (90 days): older firings can never match again. */
const FIRING_DAYS = 100;
const PRUNE_EVERY_MS = 3_600_000;
/**
 * How often a poll ignores the watermarks. A conversation can become due with an anchor far
 * behind its rule's watermark (woken from a snooze with the customer still unanswered, assigned
 * and then unassigned): the watermark read would never see it, this one does, at most 5 s late.
 */
const FULL_SWEEP_MS = 4_000;

/**
 * Time triggers (no operator reply, no customer reply, snoozed or waiting longer than N minutes).
 * Each wake-up is one transaction that claims one due (rule, conversation) with SKIP LOCKED,
 * inserts its unique firing row and runs the rule, so with any number of instances each moment
 * fires once; what came due while every instance was down is simply due at the next start.
 */
@Injectable()
export class RuleTimeTriggersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RuleTimeTriggersService.name);
  private readonly poller: DueWorkPoller;
  private lastPrune = 0;
  private lastFullSweep = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rules: AutomationRulesRepository,
    private readonly time: AutomationTimeRepository,
    private readonly runs: AutomationRunsRepository,
    private readonly engine: RuleEngineService,
  ) {
    this.poller = new DueWorkPoller(
      'Automation time triggers',
      POLL_MS,
      () => this.fireOne(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Fires everything due now; returns how many fired (tests, and the poll loop). */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  private async fireOne(): Promise<boolean> {
    await this.pruneNowAndThen();
    const full = Date.now() - this.lastFullSweep >= FULL_SWEEP_MS;
    const fired = await this.fireFirstDue(full);
    // A full sweep is done once nothing more is due without watermarks.
    if (!fired && full) this.lastFullSweep = Date.now();
    return fired;
  }

  private fireFirstDue(ignoreWatermarks: boolean): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      for (const rule of await this.rules.listEnabledTimeRules(em)) {
        if (rule.trigger.kind !== 'time') continue;
        const due = await this.time.claimDue(em, {
          id: rule.id,
          accountId: rule.accountId,
          after: rule.trigger.after,
          minutes: rule.trigger.minutes,
          watermark: ignoreWatermarks ? null : rule.timeWatermark,
        });
        if (!due) continue;
        const firing = {
          ruleId: rule.id,
          conversationId: due.id,
          anchor: due.anchor,
          accountId: rule.accountId,
        };
        if (!(await this.time.recordFiring(em, firing))) continue;
        await this.rules.advanceWatermark(em, rule.id, due.anchor);
        await this.engine.fire(
          em,
          {
            accountId: rule.accountId,
            conversationId: due.id,
            trigger: rule.trigger.after,
            messageId: null,
            originRuleId: null,
          },
          [rule],
        );
        return true;
      }
      return false;
    });
  }

  /** The rule log keeps 90 days; firings a little longer than any delay. */
  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.runs.prune(RUN_LOG_DAYS);
    await this.time.prune(this.ds.manager, FIRING_DAYS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}
