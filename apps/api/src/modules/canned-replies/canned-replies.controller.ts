import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createCannedReplyRequestSchema,
  renderCannedReplyRequestSchema,
  updateCannedReplyRequestSchema,
  type CannedReplyDto,
  type CreateCannedReplyRequest,
  type RenderCannedReplyRequest,
  type RenderedCannedReplyDto,
  type UpdateCannedReplyRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { CannedRepliesService } from './canned-replies.service';

@ApiTags('canned replies')
@ApiBearerAuth()
@Controller('canned-replies')
export class CannedRepliesController {
  constructor(private readonly canned: CannedRepliesService) {}

  /** The account's shared replies and the caller's personal ones. */
  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<CannedReplyDto[]> {
    return this.canned.list(op);
  }

  /** Personal for anyone; shared for admins only (403 otherwise). */
  @Post()
  @ApiZodBody(createCannedReplyRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(createCannedReplyRequestSchema)) body: CreateCannedReplyRequest,
  ): Promise<CannedReplyDto> {
    return this.canned.create(op, body);
  }

  @Patch(':id')
  @ApiZodBody(updateCannedReplyRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateCannedReplyRequestSchema)) body: UpdateCannedReplyRequest,
  ): Promise<CannedReplyDto> {
    return this.canned.update(op, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<void> {
    return this.canned.remove(op, id);
  }

  /** The reply with its placeholders filled for a conversation the caller can see. */
  @Post(':id/render')
  @HttpCode(200)
  @ApiZodBody(renderCannedReplyRequestSchema)
  render(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(renderCannedReplyRequestSchema)) body: RenderCannedReplyRequest,
  ): Promise<RenderedCannedReplyDto> {
    return this.canned.render(op, id, body.conversationId);
  }
}
