import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EmailReplyContextDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { EmailReplyExtrasService } from './email-reply-extras.service';

/** What the composer offers for an email reply: "Reply" and "Reply all" recipients, the signature. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('conversations/:id/email-reply')
export class EmailReplyContextController {
  constructor(private readonly extras: EmailReplyExtrasService) {}

  @Get()
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<EmailReplyContextDto> {
    return this.extras.context(op, id);
  }
}
