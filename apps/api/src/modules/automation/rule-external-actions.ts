import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ActorRef, RuleAction, RuleActionResult } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../core/http/app.exception';
import { OutgoingWebhooksService } from '../outgoing-webhooks/outgoing-webhooks.service';
import { ConversationPriorityService } from '../priority/conversation-priority.service';
import { RoundRobinService } from '../routing/round-robin.service';
import type { RuleContext } from './engine/rule-context';
import { RuleFailure } from './engine/rule-failure';

type ExternalAction = Extract<
  RuleAction,
  { type: 'set_priority' | 'assign_round_robin' | 'call_webhook' }
>;

/**
 * The actions other modules own (priority, round-robin routing, outgoing webhooks), each done in
 * the engine's transaction by that module's service. Resolved through the module graph when
 * first used, so the rules module does not import the modules that may in turn read rules.
 */
@Injectable()
export class RuleExternalActions {
  constructor(private readonly moduleRef: ModuleRef) {}

  async run(
    em: EntityManager,
    ctx: RuleContext,
    by: ActorRef,
    action: ExternalAction,
  ): Promise<RuleActionResult> {
    const conv = ctx.conversation;
    switch (action.type) {
      case 'call_webhook': {
        await this.service(OutgoingWebhooksService).enqueueRuleCall(em, conv.accountId, {
          url: action.url,
          ruleId: by.id,
          ruleName: by.name,
          body: {
            rule: { id: by.id, name: by.name },
            trigger: ctx.trigger,
            conversation: { id: conv.id, number: conv.number, inboxId: conv.inboxId },
            messageId: ctx.message?.id ?? null,
          },
        });
        return { type: action.type, status: 'done', detail: new URL(action.url).host };
      }
      case 'set_priority': {
        const status = await this.guarded(action.type, () =>
          this.service(ConversationPriorityService).setPriority(em, conv.id, action.priority, by),
        );
        conv.priority = action.priority;
        return { type: action.type, status, detail: action.priority };
      }
      case 'assign_round_robin': {
        const result = await this.guarded(action.type, () =>
          this.service(RoundRobinService).route(em, conv.id, action.teamId, by),
        );
        conv.teamId = action.teamId;
        if (result.status === 'assigned') {
          conv.assigneeId = result.operator.id;
          return { type: action.type, status: 'done', detail: result.operator.name };
        }
        return { type: action.type, status: 'done', detail: `queued #${result.position}` };
      }
    }
  }

  /** A refusal of the owning module (a closed conversation, a team gone) fails the rule with its reason. */
  private async guarded<T>(type: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppException) throw new RuleFailure(`${type}: ${err.message}`);
      throw err;
    }
  }

  /** Checks a webhook URL on save (a private address is refused with the webhooks' 422). */
  checkWebhookUrl(url: string): Promise<void> {
    return this.service(OutgoingWebhooksService).checkUrl(url);
  }

  private service<T>(type: new (...args: never[]) => T): T {
    return this.moduleRef.get(type, { strict: false });
  }
}
