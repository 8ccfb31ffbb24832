import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { csatAnswerSchema } from '@switchboard/contracts';
import type { Response } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { CsatAnswersService } from './csat-answers.service';
import { csatPage, csatPageHeaders, type CsatPage } from './csat-page';
import { CsatRepository } from './csat.repository';
import { CsatSenderService } from './csat-sender.service';

const DIGITS = /^\d{1,2}$/;

/**
 * `/api/csat/:token`: the rating page of email and WhatsApp surveys. The token is the credential
 * (signed, 14 days); the answer is stored once, by the form's POST.
 */
@ApiExcludeController()
@Public()
@Controller('csat/:token')
export class CsatPageController {
  constructor(
    private readonly sender: CsatSenderService,
    private readonly repo: CsatRepository,
    private readonly answers: CsatAnswersService,
  ) {}

  @Get()
  async show(
    @Param('token') token: string,
    @Query('rating') rating: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const link = this.sender.links.check(token);
    if (link.kind !== 'valid') return send(res, { kind: link.kind });
    const survey = await this.repo.surveyById(link.surveyId);
    if (!survey || (survey.state !== 'sent' && survey.state !== 'answered'))
      return send(res, { kind: 'invalid' });
    if (survey.state === 'answered') return send(res, { kind: 'already_answered' });
    const selected = typeof rating === 'string' && DIGITS.test(rating) ? Number(rating) : null;
    send(res, {
      kind: 'ask',
      question: survey.question,
      scale: survey.scale,
      commentEnabled: survey.commentEnabled,
      selected,
    });
  }

  @Post()
  @HttpCode(200)
  async answer(
    @Param('token') token: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const link = this.sender.links.check(token);
    if (link.kind !== 'valid') return send(res, { kind: link.kind });
    const form = (body ?? {}) as { rating?: unknown; comment?: unknown };
    const rawRating = typeof form.rating === 'string' ? form.rating.trim() : '';
    const comment = typeof form.comment === 'string' && form.comment.trim() ? form.comment : null;
    // No rating or not a number: -1, which every scale refuses with its own range.
    const rating = DIGITS.test(rawRating) ? Number(rawRating) : -1;
    const parsed = csatAnswerSchema.safeParse({ rating, comment });
    if (!parsed.success)
      return send(res, {
        kind: 'bad_comment',
        reason: parsed.error.issues.map((i) => i.message).join('; '),
      });
    const outcome = await this.answers.answer(
      link.surveyId,
      { kind: 'link' },
      parsed.data.rating,
      parsed.data.comment ?? null,
    );
    switch (outcome.kind) {
      case 'answered':
        return send(res, { kind: 'thanks', rating: outcome.rating, scale: outcome.scale });
      case 'already_answered':
        return send(res, { kind: 'already_answered' });
      case 'out_of_range':
        return send(res, { kind: 'out_of_range', min: outcome.min, max: outcome.max });
      case 'not_found':
        return send(res, { kind: 'invalid' });
    }
  }
}

function send(res: Response, page: CsatPage): void {
  const { status, html } = csatPage(page);
  for (const [name, value] of Object.entries(csatPageHeaders)) res.setHeader(name, value);
  res.status(status).send(html);
}
