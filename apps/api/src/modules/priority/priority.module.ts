import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { ConversationPriorityController } from './conversation-priority.controller';
import { ConversationPriorityRepository } from './conversation-priority.repository';
import { ConversationPriorityService } from './conversation-priority.service';

/** Conversation priorities; `ConversationPriorityService.setPriority` serves rule actions too. */
@Module({
  imports: [SlaModule],
  controllers: [ConversationPriorityController],
  providers: [ConversationPriorityRepository, ConversationPriorityService],
  exports: [ConversationPriorityService],
})
export class PriorityModule {}
