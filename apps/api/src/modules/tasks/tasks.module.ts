import { Module } from '@nestjs/common';
import { ConversationTasksController } from './conversation-tasks.controller';
import { TaskQueriesService } from './task-queries.service';
import { TaskReminderService } from './task-reminder.service';
import { TaskRemindersRepository } from './task-reminders.repository';
import { TaskTimelineService } from './task-timeline.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** Tasks made from messages and conversations, and their due reminders. */
@Module({
  controllers: [TasksController, ConversationTasksController],
  providers: [
    TasksRepository,
    TasksService,
    TaskQueriesService,
    TaskTimelineService,
    TaskReminderService,
    TaskRemindersRepository,
  ],
})
export class TasksModule {}
