import { Global, Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { OperatorsModule } from '../operators/operators.module';
import { SearchModule } from '../search/search.module';
import { MessagesController } from '../messages/messages.controller';
import { MessagesRepository } from '../messages/messages.repository';
import { MessagesService } from '../messages/messages.service';
import { NoteMentionsService } from '../messages/note-mentions.service';
import { ReplyDispatchService } from '../messages/reply-dispatch.service';
import { ConversationStatusService } from './conversation-status.service';
import { ConversationsController } from './conversations.controller';
import { ConversationFeedRepository } from './conversation-feed.repository';
import { DueSnoozeWatch } from './due-snooze-watch.repository';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';

/** Conversations and their timelines; the repositories serve every channel's pipeline too. */
@Global()
@Module({
  imports: [ContactsModule, OperatorsModule, SearchModule],
  controllers: [ConversationsController, MessagesController],
  providers: [
    ConversationsRepository,
    ConversationFeedRepository,
    DueSnoozeWatch,
    MessagesRepository,
    ConversationsService,
    ConversationStatusService,
    MessagesService,
    NoteMentionsService,
    ReplyDispatchService,
  ],
  exports: [
    ConversationsRepository,
    DueSnoozeWatch,
    MessagesRepository,
    ConversationsService,
    ConversationStatusService,
    MessagesService,
    ReplyDispatchService,
    ContactsModule,
  ],
})
export class ConversationsModule {}
