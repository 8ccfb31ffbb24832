import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { saveDraftRequestSchema, type DraftDto } from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { DraftsService } from './drafts.service';

/** The signed-in operator's own reply draft of a conversation. */
@ApiTags('drafts')
@ApiBearerAuth()
@Controller('conversations/:id/draft')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  /** `{ draft: null }` when there is none: no draft is not an error. */
  @Get()
  async get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<{ draft: DraftDto | null }> {
    return { draft: await this.drafts.get(op, id) };
  }

  @Put()
  @ApiZodBody(saveDraftRequestSchema)
  save(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(saveDraftRequestSchema)) body: z.output<typeof saveDraftRequestSchema>,
  ): Promise<DraftDto> {
    return this.drafts.save(op, id, body);
  }

  @Delete()
  @HttpCode(204)
  async discard(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string) {
    await this.drafts.discard(op, id);
  }
}
