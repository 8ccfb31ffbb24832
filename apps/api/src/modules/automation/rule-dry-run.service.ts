import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActorRef,
  RuleActionResult,
  RuleInput,
  RuleTestResultDto,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { AutomationContextRepository } from './automation-context.repository';
import { CompiledConditions } from './engine/condition-evaluator';
import { RuleFailure } from './engine/rule-failure';
import { RuleActionsService, type ActionEffects } from './rule-actions.service';
import { RuleEngineService } from './rule-engine.service';

/** Carries the answer out of the transaction it rolls back. */
class DryRunDone extends Error {
  constructor(readonly result: RuleTestResultDto) {
    super('dry run');
  }
}

/**
 * "What would this rule do here, now?": the conditions against the conversation's current state
 * and its newest customer message, then the actions run for real inside a transaction that is
 * always rolled back, so the answer is what a run would do and nothing changes.
 */
@Injectable()
export class RuleDryRunService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly context: AutomationContextRepository,
    private readonly engine: RuleEngineService,
    private readonly actions: RuleActionsService,
  ) {}

  async test(
    op: AuthenticatedOperator,
    rule: RuleInput,
    conversationId: string,
  ): Promise<RuleTestResultDto> {
    if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can test rules');
    if (!(await this.conversations.isVisibleTo(op, conversationId))) throw notFound('Conversation');
    try {
      await this.ds.transaction(async (em) => {
        const message = await this.context.newestIncoming(em, conversationId);
        const trigger = rule.trigger.kind === 'event' ? rule.trigger.event : rule.trigger.after;
        const ctx = await this.engine.loadContext(
          em,
          { accountId: op.accountId, conversationId, trigger, messageId: null },
          message,
        );
        if (!ctx) throw notFound('Conversation');
        const { matched, groups } = new CompiledConditions(rule.conditions).evaluate(ctx);
        const results: RuleActionResult[] = [];
        if (matched) {
          const by: ActorRef = { id: op.id, name: rule.name, kind: 'rule' };
          const effects: ActionEffects = { activities: [], notify: new Map(), messageIds: [] };
          for (const action of rule.actions) {
            if (action.type === 'call_webhook') {
              results.push({ type: action.type, status: 'done', detail: new URL(action.url).host });
              continue;
            }
            try {
              results.push(await this.actions.run(em, ctx, by, action, effects));
            } catch (err) {
              if (!(err instanceof RuleFailure)) throw err;
              results.push({
                type: action.type,
                status: 'failed',
                detail: null,
                reason: err.message,
              });
              break;
            }
          }
        }
        throw new DryRunDone({ matched, groups, actions: results });
      });
    } catch (err) {
      if (err instanceof DryRunDone) return err.result;
      throw err;
    }
    throw new Error('unreachable: a dry run always rolls back');
  }
}
