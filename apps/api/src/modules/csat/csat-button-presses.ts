import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ButtonPressesService,
  type ButtonPressEvent,
  type ButtonPressHandler,
  type ButtonPressResult,
} from '../channels/button-presses.service';
import type { InboxRow } from '../inboxes/inboxes.service';
import { CsatAnswersService } from './csat-answers.service';
import { CSAT_BUTTON_PREFIX, parseButtonData } from './csat-survey-content';

/**
 * A rating pressed on a Telegram survey's inline keyboard. The button's data names the survey,
 * and the press counts only from the survey's own customer on the same inbox.
 */
@Injectable()
export class CsatButtonPresses implements ButtonPressHandler, OnModuleInit {
  readonly prefix = CSAT_BUTTON_PREFIX;

  constructor(
    private readonly presses: ButtonPressesService,
    private readonly answers: CsatAnswersService,
  ) {}

  onModuleInit(): void {
    this.presses.register(this);
  }

  async handle(inbox: InboxRow, press: ButtonPressEvent): Promise<ButtonPressResult> {
    const skipped = (reason: string, answer: string): ButtonPressResult => ({
      outcome: { kind: 'skipped', externalId: press.externalId, reason },
      answer,
    });
    const parsed = parseButtonData(press.data);
    if (!parsed) return skipped('Unreadable survey button', 'This survey is not known.');
    const outcome = await this.answers.answer(
      parsed.surveyId,
      { kind: 'identity', inboxId: inbox.id, externalId: press.senderExternalId },
      parsed.rating,
      null,
    );
    switch (outcome.kind) {
      case 'answered':
        return {
          outcome: {
            kind: 'updated',
            messageId: parsed.surveyId,
            conversationId: outcome.conversationId,
          },
          answer: `Thank you! You rated us ${outcome.rating}.`,
        };
      case 'already_answered':
        return skipped('Survey already answered', 'You have already answered this survey.');
      case 'out_of_range':
        return skipped(
          'Rating out of range',
          `Choose a rating from ${outcome.min} to ${outcome.max}.`,
        );
      case 'not_found':
        return skipped('Unknown survey', 'This survey is not known.');
    }
  }
}
