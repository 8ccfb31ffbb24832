import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  undoSendSettingsRequestSchema,
  type MessageDto,
  type UndoSendSettingsDto,
  type UndoSendSettingsRequest,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { UndoSendSettingsService } from './undo-send-settings.service';
import { UndoSendService } from './undo-send.service';

/** Undo send: one's own delay, and taking a held reply back. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller()
export class UndoSendController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: UndoSendSettingsService,
    private readonly undoSend: UndoSendService,
  ) {}

  @Get('operators/me/undo-send')
  get(@CurrentOperator() op: AuthenticatedOperator): Promise<UndoSendSettingsDto> {
    return this.settings.get(this.ds.manager, op.id);
  }

  @Put('operators/me/undo-send')
  @ApiZodBody(undoSendSettingsRequestSchema)
  set(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(undoSendSettingsRequestSchema)) body: UndoSendSettingsRequest,
  ): Promise<UndoSendSettingsDto> {
    return this.settings.set(op.id, body.seconds);
  }

  /**
   * Takes back a reply still in its Undo window (only its author): it is deleted and answered as
   * it was, for the composer. 409 ALREADY_SENT once the window has closed.
   */
  @Post('messages/:id/undo-send')
  @HttpCode(200)
  undo(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<MessageDto> {
    return this.undoSend.undo(op, id);
  }
}
