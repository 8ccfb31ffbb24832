import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  setPriorityRequestSchema,
  type ConversationSummaryDto,
  type SetPriorityRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { ConversationPriorityService } from './conversation-priority.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationPriorityController {
  constructor(private readonly priorities: ConversationPriorityService) {}

  @Patch(':id/priority')
  @ApiZodBody(setPriorityRequestSchema)
  set(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(setPriorityRequestSchema)) body: SetPriorityRequest,
  ): Promise<ConversationSummaryDto> {
    return this.priorities.change(op, id, body.priority);
  }
}
