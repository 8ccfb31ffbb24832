import type { TaskDto } from '@switchboard/contracts';
import type { TaskLinkRow, TaskRow } from './tasks.repository';

/** A task row and its links as the reader sees them: hidden conversations are only counted. */
export function toTaskDto(row: TaskRow, links: TaskLinkRow[]): TaskDto {
  const mine = links.filter((l) => l.task_id === row.id);
  const visible = mine.filter((l) => l.visible);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    assignee: { id: row.assignee_id, name: row.assignee_name },
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    dueAt: row.due_at.toISOString(),
    doneAt: row.done_at ? row.done_at.toISOString() : null,
    contact: row.contact_id ? { id: row.contact_id, name: row.contact_name } : null,
    sourceMessageId: row.source_message_id,
    conversations: visible.map((l) => ({
      id: l.id,
      number: Number(l.number),
      subject: l.subject,
      status: l.status,
      contactName: l.contact_name,
    })),
    hiddenConversationCount: mine.length - visible.length,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
