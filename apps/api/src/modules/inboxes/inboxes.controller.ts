import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createInboxRequestSchema,
  updateInboxRequestSchema,
  type CreateInboxRequest,
  type InboxDto,
  type UpdateInboxRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { AppException } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { InboxesService } from './inboxes.service';

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes')
export class InboxesController {
  constructor(private readonly inboxes: InboxesService) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<InboxDto[]> {
    return this.inboxes.list(op.accountId);
  }

  @Get(':id')
  get(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<InboxDto> {
    return this.inboxes.get(op.accountId, id);
  }

  @Post()
  @ApiZodBody(createInboxRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(createInboxRequestSchema)) body: CreateInboxRequest,
  ): Promise<InboxDto> {
    requireAdmin(op);
    return this.inboxes.create(op.accountId, body);
  }

  @Patch(':id')
  @ApiZodBody(updateInboxRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateInboxRequestSchema)) body: UpdateInboxRequest,
  ): Promise<InboxDto> {
    requireAdmin(op);
    return this.inboxes.update(op.accountId, id, body);
  }
}

export function requireAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can change inboxes');
}
