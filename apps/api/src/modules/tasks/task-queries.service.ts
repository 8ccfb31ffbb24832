import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListTasksQuery, Page, TaskDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { notFound } from '../../core/http/app.exception';
import type { ConversationViewer } from '../access/conversation-viewer';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { decodeKeyset, encodeKeyset, isUuid } from '../conversations/keyset-cursor';
import { toTaskDto } from './task.mapper';
import { TasksRepository } from './tasks.repository';

/** Most tasks one conversation's header lists. */
const CONVERSATION_TASKS_LIMIT = 100;

/** Reading tasks: one, a Tasks tab page, a conversation's tasks; always under the access rule. */
@Injectable()
export class TaskQueriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tasks: TasksRepository,
    private readonly conversations: ConversationsRepository,
  ) {}

  async get(op: AuthenticatedOperator, id: string): Promise<TaskDto> {
    const task = isUuid(id) ? await this.tasks.findVisible(this.ds.manager, op, id) : null;
    if (!task) throw notFound('Task');
    return this.load(this.ds.manager, op, task.id);
  }

  /** One task as the viewer sees it, inside the caller's transaction (after a change). */
  async load(em: EntityManager, viewer: ConversationViewer, id: string): Promise<TaskDto> {
    const [dto] = await this.dtos(em, viewer, [id]);
    if (!dto) throw new Error(`Task ${id} vanished inside its transaction`);
    return dto;
  }

  async list(op: AuthenticatedOperator, q: ListTasksQuery): Promise<Page<TaskDto>> {
    const rows = await this.tasks.listPage(op, q.view, decodeKeyset(q.cursor), q.limit);
    const page = rows.slice(0, q.limit);
    const links = await this.tasks.linksOf(
      this.ds.manager,
      op,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toTaskDto(r, links)),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.sort_key, id: last.id }) : null,
    };
  }

  /** Every task linked to a conversation the operator may see: open ones by due time first. */
  async ofConversation(op: AuthenticatedOperator, conversationId: string): Promise<TaskDto[]> {
    if (!(await this.conversations.isVisibleTo(op, conversationId))) throw notFound('Conversation');
    const ids = await this.tasks.idsOfConversation(conversationId, CONVERSATION_TASKS_LIMIT);
    return this.dtos(this.ds.manager, op, ids);
  }

  /** DTOs in the order of `ids`. */
  private async dtos(em: EntityManager, viewer: ConversationViewer, ids: string[]) {
    const rows = await this.tasks.loadRows(em, ids);
    const links = await this.tasks.linksOf(em, viewer, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toTaskDto(row, links)] : [];
    });
  }
}
