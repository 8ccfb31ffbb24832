import { Global, Module } from '@nestjs/common';
import { ReplyReleaseService } from './reply-release.service';
import { UndoSendController } from './undo-send.controller';
import { UndoSendRepository } from './undo-send.repository';
import { UndoSendSettingsService } from './undo-send-settings.service';
import { UndoSendService } from './undo-send.service';

/**
 * Undo send: replies held for their author's delay, released by a poll, or taken back. Global:
 * the reply path (MessagesService) asks UndoSendSettingsService how long to hold a reply.
 */
@Global()
@Module({
  controllers: [UndoSendController],
  providers: [UndoSendRepository, UndoSendSettingsService, UndoSendService, ReplyReleaseService],
  exports: [UndoSendSettingsService, UndoSendRepository],
})
export class UndoSendModule {}
