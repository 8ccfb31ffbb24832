import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  setInboxAccessRequestSchema,
  type InboxAccessDto,
  type SetInboxAccessRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { InboxAccessService } from './inbox-access.service';

/** Who may work an inbox: its member operators and teams (admins only). */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes/:id/access')
export class InboxAccessController {
  constructor(private readonly access: InboxAccessService) {}

  @Get()
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<InboxAccessDto> {
    return this.access.get(op, id);
  }

  @Put()
  @ApiZodBody(setInboxAccessRequestSchema)
  set(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(setInboxAccessRequestSchema)) body: SetInboxAccessRequest,
  ): Promise<InboxAccessDto> {
    return this.access.set(op, ip, id, body);
  }
}
