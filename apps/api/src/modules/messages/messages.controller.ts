import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  listMessagesQuerySchema,
  sendMessageRequestSchema,
  type ListMessagesQuery,
  type MessageDto,
  type Page,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('conversations/:id/messages')
  @ApiZodQuery(listMessagesQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Query(parseWith(listMessagesQuerySchema)) q: ListMessagesQuery,
  ): Promise<Page<MessageDto>> {
    return this.messages.list(op, id, q);
  }

  /** A reply (sent on the conversation's channel) or an internal note (never leaves Switchboard). */
  @Post('conversations/:id/messages')
  @ApiZodBody(sendMessageRequestSchema)
  send(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(sendMessageRequestSchema)) body: z.output<typeof sendMessageRequestSchema>,
  ): Promise<MessageDto> {
    return this.messages.send(op, id, body);
  }

  @Post('messages/:id/retry')
  @HttpCode(200)
  retry(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<MessageDto> {
    return this.messages.retry(op, id);
  }

  /** "Send again" for a message whose delivery is uncertain: the customer may get it twice. */
  @Post('messages/:id/resend')
  @HttpCode(200)
  resend(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<MessageDto> {
    return this.messages.resend(op, id);
  }
}
