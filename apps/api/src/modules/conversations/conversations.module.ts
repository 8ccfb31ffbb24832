import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { MessagesController } from '../messages/messages.controller';
import { MessagesService } from '../messages/messages.service';
import { ConversationStatusService } from './conversation-status.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';

@Module({
  imports: [ContactsModule],
  controllers: [ConversationsController, MessagesController],
  providers: [ConversationsService, ConversationStatusService, MessagesService],
  exports: [ConversationsService, ConversationStatusService, MessagesService],
})
export class ConversationsModule {}
