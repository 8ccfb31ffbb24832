import { Module } from '@nestjs/common';
import { ConversationTagsController } from './conversation-tags.controller';
import { TagsController } from './tags.controller';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';

/** Account-wide tags and the tags of each conversation (the feed filters by them). */
@Module({
  controllers: [TagsController, ConversationTagsController],
  providers: [TagsRepository, TagsService],
})
export class TagsModule {}
