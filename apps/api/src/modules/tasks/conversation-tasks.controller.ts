import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TaskDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { TaskQueriesService } from './task-queries.service';

/** The tasks of one conversation: its header's badge and list. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('conversations/:id/tasks')
export class ConversationTasksController {
  constructor(private readonly queries: TaskQueriesService) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<TaskDto[]> {
    return this.queries.ofConversation(op, id);
  }
}
