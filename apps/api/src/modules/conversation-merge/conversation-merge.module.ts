import { Global, Module } from '@nestjs/common';
import { ConversationMergeController } from './conversation-merge.controller';
import { ConversationMergeService } from './conversation-merge.service';
import { ConversationMovesRepository } from './conversation-moves.repository';
import { ConversationSplitService } from './conversation-split.service';
import { ReplyChannelsRepository } from './reply-channels.repository';
import { ReplyChannelsService } from './reply-channels.service';

/**
 * Merge and split of conversations, and "Reply via" for a conversation that holds several of the
 * customer's channels. Global: the reply path (MessagesService) asks ReplyChannelsService where a
 * reply goes.
 */
@Global()
@Module({
  controllers: [ConversationMergeController],
  providers: [
    ConversationMovesRepository,
    ConversationMergeService,
    ConversationSplitService,
    ReplyChannelsRepository,
    ReplyChannelsService,
  ],
  exports: [ReplyChannelsService],
})
export class ConversationMergeModule {}
