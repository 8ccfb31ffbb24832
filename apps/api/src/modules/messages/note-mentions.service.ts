import { Injectable } from '@nestjs/common';
import type { ConversationSummaryDto, MentionDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../core/http/app.exception';
import type { PendingEvent } from '../../core/events/pending-event';
import { NotificationsService } from '../notifications/notifications.service';
import { OperatorsRepository } from '../operators/operators.repository';
import { ParticipantsService } from '../participants/participants.service';

/**
 * @mentions in internal notes. Only notes carry them: a customer-facing reply with mentions is
 * refused (400) rather than silently stripped, so nobody believes a colleague was told when they
 * were not — and nothing about colleagues travels towards a customer.
 */
@Injectable()
export class NoteMentionsService {
  constructor(
    private readonly operators: OperatorsRepository,
    private readonly notifications: NotificationsService,
    private readonly participants: ParticipantsService,
  ) {}

  /** The mentioned operators, in the order given, each once; 422 naming the first unknown id. */
  async resolve(
    em: EntityManager,
    accountId: string,
    kind: 'message' | 'note',
    mentionIds: string[],
  ): Promise<MentionDto[]> {
    if (mentionIds.length === 0) return [];
    if (kind !== 'note')
      throw new AppException(
        'VALIDATION_FAILED',
        'mentionIds: only an internal note can mention colleagues; a reply goes to the customer',
      );
    const unique = [...new Set(mentionIds)];
    const found = await this.operators.findActiveNamesInAccount(em, accountId, unique);
    const byId = new Map(found.map((o) => [o.id, o.name]));
    const unknown = unique.find((id) => !byId.has(id));
    if (unknown)
      throw new AppException(
        'UNKNOWN_MENTION',
        `mentionIds: ${unknown} is not an active operator of this account`,
        { mentionId: unknown },
      );
    return unique.map((id) => ({ id, name: byId.get(id) ?? '' }));
  }

  /**
   * Every mentioned colleague (not the author) gets a stored `mention` notification and becomes a
   * participant, so they also hear about the customer's next messages.
   */
  async notify(
    em: EntityManager,
    accountId: string,
    authorId: string,
    mentions: MentionDto[],
    conversation: ConversationSummaryDto,
  ): Promise<PendingEvent[]> {
    const recipients = mentions.map((m) => m.id).filter((id) => id !== authorId);
    for (const operatorId of recipients)
      await this.participants.addParticipant(
        em,
        accountId,
        conversation.id,
        operatorId,
        'mentioned',
      );
    return this.notifications.create(em, accountId, recipients, 'mention', conversation);
  }
}
