import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  updateOperatorSignatureRequestSchema,
  type OperatorSignatureDto,
  type UpdateOperatorSignatureRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { EmailRepliesRepository } from './email-replies.repository';

/**
 * The signed-in operator's own email signature, placeholders kept as typed (filled in when a reply
 * is sent). Its own route: colleagues have no use for it in `operator.updated`.
 */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('operators/me/signature')
export class OperatorSignatureController {
  constructor(private readonly repo: EmailRepliesRepository) {}

  @Get()
  async get(@CurrentOperator() op: AuthenticatedOperator): Promise<OperatorSignatureDto> {
    return { signature: (await this.repo.operatorSignature(op.id))?.emailSignature ?? '' };
  }

  @Put()
  @ApiZodBody(updateOperatorSignatureRequestSchema)
  async put(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(updateOperatorSignatureRequestSchema)) body: UpdateOperatorSignatureRequest,
  ): Promise<OperatorSignatureDto> {
    const signature = body.signature.trim();
    await this.repo.setOperatorSignature(op.id, signature);
    return { signature };
  }
}
