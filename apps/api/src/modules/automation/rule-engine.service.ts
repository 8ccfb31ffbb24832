import { Injectable, Logger } from '@nestjs/common';
import {
  isWithinBusinessHours,
  type ActorRef,
  type RuleActionResult,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { AutomationContextRepository } from './automation-context.repository';
import { AutomationRulesRepository } from './automation-rules.repository';
import { AutomationRunsRepository } from './automation-runs.repository';
import { CompiledConditions } from './engine/condition-evaluator';
import type { RuleContext, RuleConversation, RuleMessage } from './engine/rule-context';
import { RuleFailure } from './engine/rule-failure';
import type { AutomationRuleEntity } from './entities/automation-rule.entity';
import { RuleActionsService, type ActionEffects } from './rule-actions.service';

/** A chain of rules triggering rules stops here (loops are refused on save; this is the backstop). */
export const MAX_CHAIN_DEPTH = 3;

/** Why the rules run: the trigger, the message (if any), and the rule whose action caused it. */
export interface RuleFiring {
  accountId: string;
  conversationId: string;
  trigger: string;
  messageId: string | null;
  /** Known for message triggers: rules whose words cannot match are dropped before any read. */
  messageText?: string | null;
  /** The rating of a `csat_received` firing (the `csat_rating` condition tests it). */
  csatRating?: number;
  originRuleId: string | null;
}

/**
 * Runs the matching rules for one firing, inside the caller's transaction (the event consumer's,
 * which moves its cursor in it, or the time poller's, which records the firing in it), so a run
 * commits exactly once. Each rule runs in a SAVEPOINT: a failing rule rolls back alone, is logged
 * with its reason on the conversation, and the others and the pipeline go on.
 */
@Injectable()
export class RuleEngineService {
  private readonly logger = new Logger(RuleEngineService.name);
  private readonly compiled = new WeakMap<object, CompiledConditions>();

  constructor(
    private readonly rules: AutomationRulesRepository,
    private readonly runs: AutomationRunsRepository,
    private readonly context: AutomationContextRepository,
    private readonly actions: RuleActionsService,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly events: EventLogService,
  ) {}

  /** Runs `candidates` (default: the account's enabled rules for the trigger), in order. */
  async fire(
    em: EntityManager,
    firing: RuleFiring,
    candidates?: AutomationRuleEntity[],
  ): Promise<void> {
    const text = firing.messageText;
    const rules = (candidates ?? (await this.rules.listEnabled(em, firing.accountId))).filter(
      (r) =>
        r.id !== firing.originRuleId &&
        (r.trigger.kind === 'event' ? r.trigger.event : r.trigger.after) === firing.trigger &&
        (text === undefined || this.conditionsOf(r).mayMatch(text)),
    );
    // Most messages match no rule's words: then the conversation is neither locked nor read.
    if (rules.length === 0) return;
    const ctx = await this.loadContext(em, firing);
    if (!ctx) return;
    if (firing.csatRating !== undefined) ctx.csatRating = firing.csatRating;
    const depth = firing.originRuleId
      ? (await this.runs.depthOf(em, firing.originRuleId, firing.conversationId)) + 1
      : 0;
    for (const rule of rules) {
      if (!this.conditionsOf(rule).evaluate(ctx).matched) continue;
      if (depth >= MAX_CHAIN_DEPTH) {
        await this.log(em, rule, ctx, depth, 'skipped', [], 'chain of rules too deep (3)');
        continue;
      }
      await this.runOne(em, rule, ctx, depth);
    }
  }

  /** The conversation's current state (locked) and the triggering message; null if gone. */
  async loadContext(
    em: EntityManager,
    firing: Pick<RuleFiring, 'accountId' | 'conversationId' | 'trigger' | 'messageId'>,
    message?: RuleMessage | null,
  ): Promise<RuleContext | null> {
    const loaded = await this.context.lockConversation(em, firing.accountId, firing.conversationId);
    if (!loaded) return null;
    const { businessHours, ...rest } = loaded;
    const conversation: RuleConversation = {
      ...rest,
      insideBusinessHours: isWithinBusinessHours(businessHours, new Date()),
    };
    const msg =
      message !== undefined
        ? message
        : firing.messageId
          ? await this.context.message(em, firing.messageId)
          : null;
    return { conversation, message: msg, trigger: firing.trigger };
  }

  conditionsOf(rule: Pick<AutomationRuleEntity, 'conditions'>): CompiledConditions {
    let compiled = this.compiled.get(rule);
    if (!compiled) {
      compiled = new CompiledConditions(rule.conditions);
      this.compiled.set(rule, compiled);
    }
    return compiled;
  }

  private async runOne(
    em: EntityManager,
    rule: AutomationRuleEntity,
    ctx: RuleContext,
    depth: number,
  ): Promise<void> {
    const by: ActorRef = { id: rule.id, name: rule.name, kind: 'rule' };
    const snapshot = structuredClone(ctx.conversation);
    try {
      await em.transaction(async (sp) => {
        const effects: ActionEffects = { activities: [], notify: new Map(), messageIds: [] };
        const results: RuleActionResult[] = [];
        for (const action of rule.actions)
          results.push(await this.actions.run(sp, ctx, by, action, effects));
        const changed = results.some((r) => r.status === 'done');
        if (changed)
          effects.activities.push({
            type: 'rule_applied',
            rule: { id: rule.id, name: rule.name },
            actions: results,
          });
        await this.announce(sp, rule, ctx, effects);
        await this.log(
          sp,
          rule,
          ctx,
          depth,
          changed ? 'applied' : 'skipped',
          results,
          skipReason(results),
        );
      });
    } catch (err) {
      ctx.conversation = snapshot;
      const reason = err instanceof RuleFailure ? err.message : 'internal error';
      if (!(err instanceof RuleFailure))
        this.logger.error(`Rule ${rule.id} failed: ${(err as Error).stack ?? String(err)}`);
      const activity = await this.messages.insertActivity(em, ctx.conversation, {
        type: 'rule_failed',
        rule: { id: rule.id, name: rule.name },
        reason,
      });
      const conversation = await this.conversations.loadSummary(em, ctx.conversation.id);
      await this.events.append(em, ctx.conversation.accountId, [
        {
          type: 'message.created',
          conversationId: ctx.conversation.id,
          payload: { message: activity, conversation },
          originRuleId: rule.id,
        },
      ]);
      await this.log(em, rule, ctx, depth, 'failed', [], reason);
    }
  }

  /** The rule's activities, notes, replies and notifications on the stream, marked as the rule's. */
  private async announce(
    em: EntityManager,
    rule: AutomationRuleEntity,
    ctx: RuleContext,
    effects: ActionEffects,
  ): Promise<void> {
    const written = await this.actions.writeActivities(em, ctx, effects.activities);
    if (written.length === 0 && effects.messageIds.length === 0) return;
    const conversationId = ctx.conversation.id;
    const conversation = await this.conversations.loadSummary(em, conversationId);
    const messages = [...written];
    for (const id of effects.messageIds) messages.push(await this.messages.loadDto(em, id));
    messages.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const pending: PendingEvent[] = [
      ...messages.map((message): PendingEvent => ({
        type: 'message.created',
        conversationId,
        payload: { message, conversation },
      })),
      { type: 'conversation.updated', conversationId, payload: { conversation } },
      ...(await this.actions.notifyEvents(em, ctx, effects, conversation)),
    ];
    await this.events.append(
      em,
      ctx.conversation.accountId,
      pending.map((e) => ({ ...e, originRuleId: rule.id })),
    );
  }

  private async log(
    em: EntityManager,
    rule: AutomationRuleEntity,
    ctx: RuleContext,
    depth: number,
    outcome: 'applied' | 'skipped' | 'failed',
    actions: RuleActionResult[],
    reason: string | null,
  ): Promise<void> {
    await this.runs.insert(em, {
      accountId: rule.accountId,
      ruleId: rule.id,
      conversationId: ctx.conversation.id,
      trigger: ctx.trigger,
      outcome,
      actions,
      reason,
      depth,
    });
    await this.rules.markRun(em, rule.id);
  }
}

/** A run that changed nothing says why (the first skipped action's reason). */
function skipReason(results: RuleActionResult[]): string | null {
  if (results.some((r) => r.status === 'done')) return null;
  return results.find((r) => r.reason)?.reason ?? 'nothing to change';
}
