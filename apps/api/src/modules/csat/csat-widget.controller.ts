import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csatAnswerSchema, csatRange, type WidgetCsatSurveyDto } from '@switchboard/contracts';
import type { z } from 'zod';
import { Public } from '../../core/auth/auth.guard';
import { AppException, notFound } from '../../core/http/app.exception';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { CurrentVisitor, VisitorGuard } from '../webchat/controllers/visitor.guard';
import { WidgetExceptionFilter } from '../webchat/controllers/widget-exception.filter';
import type { VisitorPrincipal } from '../webchat/services/visitor-auth.service';
import { CsatAnswersService } from './csat-answers.service';
import { CsatRepository } from './csat.repository';

/** The widget's side of web chat surveys: the visitor's own surveys, answered with their token. */
@ApiTags('widget')
@Public()
@UseFilters(WidgetExceptionFilter)
@UseGuards(VisitorGuard)
@Controller('widget/:inboxId/csat')
export class CsatWidgetController {
  constructor(
    private readonly repo: CsatRepository,
    private readonly answers: CsatAnswersService,
  ) {}

  @Get()
  async list(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @CurrentVisitor() p: VisitorPrincipal,
  ): Promise<{ items: WidgetCsatSurveyDto[] }> {
    const surveys = await this.repo.visitorSurveys(inboxId, p.visitorKey);
    const responses = new Map(
      (await this.repo.responsesOf(surveys.map((s) => s.id))).map((r) => [r.surveyId, r]),
    );
    return {
      items: surveys.map((s) => {
        const r = responses.get(s.id);
        return {
          surveyId: s.id,
          conversationId: s.conversationId,
          messageId: s.messageId,
          question: s.question,
          scale: s.scale,
          commentEnabled: s.commentEnabled,
          answered: r ? { rating: r.rating, comment: r.comment } : null,
        };
      }),
    };
  }

  /** 404 for a survey that is not this visitor's; 422 out of range; 409 answered already. */
  @Post(':surveyId')
  @HttpCode(200)
  @ApiZodBody(csatAnswerSchema)
  async answer(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Param('surveyId') surveyId: string,
    @CurrentVisitor() p: VisitorPrincipal,
    @Body(parseWith(csatAnswerSchema)) body: z.output<typeof csatAnswerSchema>,
  ): Promise<{ rating: number }> {
    const outcome = await this.answers.answer(
      surveyId,
      { kind: 'identity', inboxId, externalId: p.visitorKey },
      body.rating,
      body.comment ?? null,
    );
    switch (outcome.kind) {
      case 'answered':
        return { rating: outcome.rating };
      case 'already_answered':
        throw new AppException('CONFLICT', 'This survey was already answered');
      case 'out_of_range': {
        const { min, max } = csatRange(outcome.scale);
        throw new AppException(
          'INVALID_RATING',
          `The rating must be a whole number from ${min} to ${max}`,
        );
      }
      case 'not_found':
        throw notFound('Survey');
    }
  }
}
