import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createTaskRequestSchema,
  listTasksQuerySchema,
  updateTaskRequestSchema,
  type CreateTaskRequest,
  type ListTasksQuery,
  type Page,
  type TaskDto,
  type UpdateTaskRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { TaskQueriesService } from './task-queries.service';
import { TasksService } from './tasks.service';

/** Tasks: any operator, on what the access rule lets them see (see docs/security.md). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly queries: TaskQueriesService,
  ) {}

  @Post()
  @ApiZodBody(createTaskRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(createTaskRequestSchema)) body: CreateTaskRequest,
  ): Promise<TaskDto> {
    return this.tasks.create(op, body);
  }

  /** A Tasks tab, keyset-paged: mine, all, overdue (open, by due time) or done (newest first). */
  @Get()
  @ApiZodQuery(listTasksQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listTasksQuerySchema)) q: ListTasksQuery,
  ): Promise<Page<TaskDto>> {
    return this.queries.list(op, q);
  }

  @Get(':id')
  get(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<TaskDto> {
    return this.queries.get(op, id);
  }

  @Patch(':id')
  @ApiZodBody(updateTaskRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateTaskRequestSchema)) body: UpdateTaskRequest,
  ): Promise<TaskDto> {
    return this.tasks.update(op, id, body);
  }

  @Post(':id/done')
  @HttpCode(200)
  done(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<TaskDto> {
    return this.tasks.complete(op, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<TaskDto> {
    return this.tasks.reopen(op, id);
  }

  @Post(':id/conversations/:conversationId')
  @HttpCode(200)
  link(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('conversationId') conversationId: string,
  ): Promise<TaskDto> {
    return this.tasks.link(op, id, conversationId);
  }

  @Delete(':id/conversations/:conversationId')
  @HttpCode(200)
  unlink(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('conversationId') conversationId: string,
  ): Promise<TaskDto> {
    return this.tasks.unlink(op, id, conversationId);
  }
}
