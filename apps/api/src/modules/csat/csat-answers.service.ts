import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { csatRange, type CsatScale } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { CsatRepository } from './csat.repository';

/** Who may answer: anyone with a signed link, or the customer's own identity on the inbox. */
export type AnswerCaller =
  { kind: 'link' } | { kind: 'identity'; inboxId: string; externalId: string };

export type AnswerOutcome =
  | { kind: 'answered'; conversationId: string; scale: CsatScale; rating: number }
  | { kind: 'already_answered'; rating: number }
  | { kind: 'out_of_range'; scale: CsatScale; min: number; max: number }
  | { kind: 'not_found' };

/**
 * Stores a customer's answer once: the survey row is locked, an answered survey changes nothing,
 * and the response, the timeline activity and the stream events (`csat.answered`, read by reports
 * and rules) commit together. A refusal stores nothing.
 */
@Injectable()
export class CsatAnswersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CsatRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly events: EventLogService,
  ) {}

  answer(
    surveyId: string,
    caller: AnswerCaller,
    rating: number,
    comment: string | null,
  ): Promise<AnswerOutcome> {
    return this.ds.transaction(async (em) => {
      const survey = await this.repo.lockSurvey(em, surveyId);
      if (!survey || (survey.state !== 'sent' && survey.state !== 'answered'))
        return { kind: 'not_found' };
      const target = await this.repo.lockTarget(em, survey);
      if (!target) return { kind: 'not_found' };
      const conv = target.conversation;
      if (
        caller.kind === 'identity' &&
        (conv.inboxId !== caller.inboxId || target.identityExternalId !== caller.externalId)
      )
        return { kind: 'not_found' };
      if (survey.state === 'answered') {
        const previous = await this.repo.responseOf(survey.id, em);
        return { kind: 'already_answered', rating: previous?.rating ?? rating };
      }
      const range = csatRange(survey.scale);
      if (!Number.isInteger(rating) || rating < range.min || rating > range.max)
        return { kind: 'out_of_range', scale: survey.scale, ...range };
      const kept = survey.commentEnabled && comment ? comment : null;
      await this.repo.insertResponse(em, {
        accountId: survey.accountId,
        surveyId: survey.id,
        conversationId: conv.id,
        inboxId: conv.inboxId,
        scale: survey.scale,
        rating,
        comment: kept,
      });
      await this.repo.update(em, survey.id, { state: 'answered' });
      const activity = await this.messages.insertActivity(em, conv, {
        type: 'csat_answered',
        scale: survey.scale,
        rating,
        comment: kept,
      });
      const conversation = await this.conversations.loadSummary(em, conv.id);
      await this.events.append(em, conv.accountId, [
        {
          type: 'message.created',
          conversationId: conv.id,
          payload: { message: activity, conversation },
        },
        {
          type: 'csat.answered',
          conversationId: conv.id,
          payload: {
            conversationId: conv.id,
            scale: survey.scale,
            rating,
            comment: kept,
            conversation,
          },
        },
      ]);
      return { kind: 'answered', conversationId: conv.id, scale: survey.scale, rating };
    });
  }
}
