import type {
  Activity,
  ChannelKind,
  ConversationSummaryDto,
  MessageDto,
  TagRefDto,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { EventEntity } from '../../../core/events/entities/event.entity';
import { EventLogService } from '../../../core/events/event-log.service';
import type { PendingEvent } from '../../../core/events/pending-event';

/** A conversation as the synthetic events describe it (its dimensions at that moment). */
export interface SyntheticConversation {
  id: string;
  inboxId: string;
  channel: ChannelKind;
  assigneeId: string | null;
  teamId?: string | null;
  /** Its tags at that moment (the reports count a conversation's facts under its tags). */
  tags?: TagRefDto[];
}

export function summaryOf(c: SyntheticConversation): ConversationSummaryDto {
  return {
    id: c.id,
    number: 1,
    inboxId: c.inboxId,
    channel: c.channel,
    status: 'open',
    snoozedUntil: null,
    assigneeId: c.assigneeId,
    assigneeTeamId: c.teamId ?? null,
    subject: null,
    contact: { id: c.id, name: null, handle: null },
    lastActivityAt: new Date(0).toISOString(),
    lastMessagePreview: null,
    lastMessageDirection: null,
    unreadCount: 0,
    createdAt: new Date(0).toISOString(),
    tags: c.tags ?? [],
    priority: 'normal',
  };
}

function message(
  c: SyntheticConversation,
  fields: Pick<MessageDto, 'direction' | 'kind' | 'sender' | 'activity'>,
): PendingEvent {
  const m: MessageDto = {
    id: c.id,
    conversationId: c.id,
    text: null,
    html: null,
    attachments: [],
    deliveryStatus: null,
    failureReason: null,
    channel: c.channel,
    createdAt: new Date(0).toISOString(),
    ...fields,
  };
  return {
    type: 'message.created',
    conversationId: c.id,
    payload: { message: m, conversation: summaryOf(c) },
  };
}

/** Events as the real writers append them, for driving the real consumer at chosen times. */
export const synthetic = {
  created: (c: SyntheticConversation): PendingEvent => ({
    type: 'conversation.created',
    conversationId: c.id,
    payload: { conversation: summaryOf(c) },
  }),
  customer: (c: SyntheticConversation) =>
    message(c, {
      direction: 'incoming',
      kind: 'message',
      sender: { type: 'contact', id: null, name: null },
      activity: null,
    }),
  reply: (c: SyntheticConversation, operatorId: string) =>
    message(c, {
      direction: 'outgoing',
      kind: 'message',
      sender: { type: 'operator', id: operatorId, name: 'Operator' },
      activity: null,
    }),
  activity: (c: SyntheticConversation, activity: Activity) =>
    message(c, {
      direction: 'outgoing',
      kind: 'activity',
      sender: { type: 'system', id: null, name: null },
      activity,
    }),
  survey: (c: SyntheticConversation, scale: 'csat' | 'nps', rating: number): PendingEvent => ({
    type: 'csat.answered',
    conversationId: c.id,
    payload: { conversationId: c.id, scale, rating, comment: null, conversation: summaryOf(c) },
  }),
  breached: (c: SyntheticConversation, at: string): PendingEvent => ({
    type: 'conversation.sla',
    conversationId: c.id,
    payload: { conversation: summaryOf(c), target: 'first_response', state: 'breached', dueAt: at },
  }),
  slaMet: (
    c: SyntheticConversation,
    dueAt: string,
    completedAt: string,
    repliedBy: string,
  ): PendingEvent => ({
    type: 'conversation.sla',
    conversationId: c.id,
    payload: {
      conversation: summaryOf(c),
      target: 'first_response',
      state: 'met',
      dueAt,
      completedAt,
      repliedBy,
    },
  }),
};

/**
 * Appends events in one transaction with their log time (`events.created_at`, the consumer's
 * clock) set to the given instants, so a scenario reads as if it happened then.
 */
export async function appendAt(
  ds: DataSource,
  log: EventLogService,
  accountId: string,
  timeline: Array<[string, PendingEvent]>,
): Promise<void> {
  await ds.transaction(async (em) => {
    for (const [at, event] of timeline) {
      await log.append(em, accountId, [event]);
      const last = await em
        .getRepository(EventEntity)
        .createQueryBuilder('e')
        .select('max(e.id)', 'id')
        .where('e.account_id = :accountId AND e.cursor IS NULL', { accountId })
        .getRawOne<{ id: string }>();
      await em.getRepository(EventEntity).update({ id: last!.id }, { createdAt: new Date(at) });
    }
  });
}
