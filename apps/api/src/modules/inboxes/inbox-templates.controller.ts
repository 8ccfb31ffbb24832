import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MessageTemplateDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { MessageTemplatesService } from '../channels/message-templates.service';

/** The templates an inbox can send outside its reply window (WhatsApp), from the provider. */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes')
export class InboxTemplatesController {
  constructor(private readonly templates: MessageTemplatesService) {}

  @Get(':id/templates')
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<MessageTemplateDto[]> {
    return this.templates.list(op.accountId, id);
  }
}
