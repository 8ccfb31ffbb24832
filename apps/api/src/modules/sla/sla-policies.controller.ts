import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createSlaPolicyRequestSchema,
  updateSlaPolicyRequestSchema,
  type SlaPolicyDto,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { SlaPoliciesService } from './sla-policies.service';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  /** Every operator may read them (the countdowns come from them); admins change them. */
  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<SlaPolicyDto[]> {
    return this.policies.list(op);
  }

  @Post()
  @ApiZodBody(createSlaPolicyRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(createSlaPolicyRequestSchema))
    body: z.output<typeof createSlaPolicyRequestSchema>,
  ): Promise<SlaPolicyDto> {
    return this.policies.create(op, ip, body);
  }

  /** Replaces every field but the inbox. */
  @Patch(':id')
  @ApiZodBody(updateSlaPolicyRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(updateSlaPolicyRequestSchema))
    body: z.output<typeof updateSlaPolicyRequestSchema>,
  ): Promise<SlaPolicyDto> {
    return this.policies.update(op, ip, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.policies.remove(op, ip, id);
  }
}
