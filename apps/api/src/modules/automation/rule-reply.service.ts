import { Injectable } from '@nestjs/common';
import {
  firstNameOf,
  renderPlaceholders,
  supportedLanguage,
  replyTimePhrase,
  type RuleActionResult,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { QueueService } from '../../core/queue/queue.service';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import {
  OUTBOUND_DELIVERY_QUEUE,
  type OutboundDeliveryJob,
} from '../channels/outbound-delivery.queue';
import { InboxesService } from '../inboxes/inboxes.service';
import { AutomationActionsRepository } from './automation-actions.repository';
import type { RuleContext } from './engine/rule-context';
import { RuleFailure } from './engine/rule-failure';
import type { ActionEffects } from './rule-actions.service';

const skipped = (reason: string): RuleActionResult => ({
  type: 'send_canned_reply',
  status: 'skipped',
  detail: null,
  reason,
});

/**
 * The auto-reply: a canned reply on the customer's channel, stored pending with its delivery job
 * in the engine's transaction (as MessagesService.send does), so it is sent exactly when the
 * rule's run commits. Never to automatic mail, and never in answer to a rule's own message.
 */
@Injectable()
export class RuleReplyService {
  constructor(
    private readonly repo: AutomationActionsRepository,
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
    private readonly queue: QueueService,
  ) {}

  async send(
    em: EntityManager,
    ctx: RuleContext,
    cannedReplyId: string,
    effects: ActionEffects,
  ): Promise<RuleActionResult> {
    const conv = ctx.conversation;
    const refusal = await this.refusal(em, ctx);
    if (refusal) return skipped(refusal);
    const reply = await this.repo.cannedReply(em, conv.accountId, cannedReplyId);
    if (!reply) throw new RuleFailure('auto-reply: the canned reply was deleted');
    const inbox = await this.inboxes.row(conv.inboxId, conv.accountId, em);
    const assignee = conv.assigneeId ? await this.repo.operatorName(em, conv.assigneeId) : null;
    const rendered = renderPlaceholders(reply.body, {
      'contact.name': conv.contactName,
      'contact.first_name': firstNameOf(conv.contactName),
      'operator.name': assignee ?? inbox.name,
      'conversation.number': String(conv.number),
      // An acknowledgement outside business hours says when the team is back.
      // In the customer's language when their channel reported one (Telegram does).
      'inbox.reply_time': replyTimePhrase(
        inbox.businessHours,
        new Date(),
        supportedLanguage(conv.language),
      ),
    });
    const text = rendered.text.trim();
    if (!text) throw new RuleFailure(`auto-reply: "${reply.title}" is empty`);
    const limit = this.registry.get(inbox.kind).manifest.capabilities.maxTextLength;
    if (text.length > limit)
      throw new RuleFailure(
        `auto-reply: the ${inbox.kind} channel accepts at most ${limit} characters`,
      );
    if (inbox.replyWindowHours !== null)
      return skipped('auto-reply: the channel needs a template here');
    const messageId = await this.repo.insertMessage(em, {
      accountId: conv.accountId,
      conversationId: conv.id,
      inboxId: conv.inboxId,
      kind: 'message',
      text,
    });
    const job: OutboundDeliveryJob = { messageId, attempt: 1 };
    await this.queue.sendInTransaction(em, OUTBOUND_DELIVERY_QUEUE, job);
    effects.messageIds.push(messageId);
    return { type: 'send_canned_reply', status: 'done', detail: reply.title };
  }

  /** Why no auto-reply may go out here, or null. */
  private async refusal(em: EntityManager, ctx: RuleContext): Promise<string | null> {
    const m = ctx.message;
    if (m && m.direction === 'outgoing') return 'auto-reply: never in answer to our own message';
    const automated = m
      ? m.automated
      : await this.repo.newestIncomingAutomated(em, ctx.conversation.id);
    return automated ? 'auto-reply: the message was automated' : null;
  }
}
