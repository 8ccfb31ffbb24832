import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConversationCsatEnvelopeDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { CsatRepository } from './csat.repository';

/** The conversation header's rating: its survey and answer, under the reader's inbox access. */
@ApiTags('csat')
@ApiBearerAuth()
@Controller('conversations/:id/csat')
export class ConversationCsatController {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly repo: CsatRepository,
  ) {}

  @Get()
  async get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationCsatEnvelopeDto> {
    if (!(await this.conversations.isVisibleTo(op, id))) throw notFound('Conversation');
    const survey = await this.repo.surveyOfConversation(id);
    if (!survey) return { survey: null };
    const response = survey.state === 'answered' ? await this.repo.responseOf(survey.id) : null;
    return {
      survey: {
        conversationId: id,
        state: survey.state,
        scale: survey.scale,
        skipReason: survey.skipReason,
        sentAt: survey.sentAt?.toISOString() ?? null,
        response: response
          ? {
              rating: response.rating,
              comment: response.comment,
              answeredAt: response.answeredAt.toISOString(),
            }
          : null,
      },
    };
  }
}
