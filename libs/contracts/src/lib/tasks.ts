import { z } from 'zod';
import type { ConversationStatus } from './enums';
import type { IsoDateTime } from './dtos';
import { safeText, storableDateTime } from './safe-text';

export const MAX_TASK_TITLE_LENGTH = 200;
export const MAX_TASK_DESCRIPTION_LENGTH = 5_000;
/** How many conversations one request may link at once. */
export const MAX_TASK_CONVERSATIONS = 20;

/** The Tasks screen's tabs: open tasks assigned to me, all open ones I may see, the late ones, done. */
export const TASK_VIEWS = ['mine', 'all', 'overdue', 'done'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/** A conversation a task is linked to, as the task shows it (only those the reader may see). */
export interface TaskConversationDto {
  id: string;
  number: number;
  subject: string | null;
  status: ConversationStatus;
  contactName: string | null;
}

export interface TaskDto {
  id: string;
  title: string;
  description: string;
  assignee: { id: string; name: string };
  createdBy: { id: string; name: string };
  /** Stored as an instant; the SPA shows it in the operator's profile timezone. */
  dueAt: IsoDateTime;
  doneAt: IsoDateTime | null;
  /** The customer the task is about (the first linked conversation's contact). */
  contact: { id: string; name: string | null } | null;
  /** The message the task was made from, if any. */
  sourceMessageId: string | null;
  /** Linked conversations the reader may see, oldest link first. */
  conversations: TaskConversationDto[];
  /** Linked conversations in inboxes the reader may not see: counted, never named. */
  hiddenConversationCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

const title = () => safeText().trim().min(1).max(MAX_TASK_TITLE_LENGTH);
const description = () => safeText().trim().max(MAX_TASK_DESCRIPTION_LENGTH);

/**
 * A new task: from a message (links its conversation and customer) and/or on conversations.
 * A due time in the past is refused by the server (422 TASK_DUE_IN_PAST), not here, so the answer
 * names the reason with its own code.
 */
export const createTaskRequestSchema = z
  .object({
    title: title(),
    description: description().default(''),
    assigneeId: z.string().uuid(),
    dueAt: storableDateTime(),
    fromMessageId: z.string().uuid().optional(),
    conversationIds: z.array(z.string().uuid()).max(MAX_TASK_CONVERSATIONS).default([]),
  })
  .refine((r) => r.fromMessageId !== undefined || r.conversationIds.length > 0, {
    message: 'A task needs fromMessageId or at least one of conversationIds',
  });
export type CreateTaskRequest = z.input<typeof createTaskRequestSchema>;

export const updateTaskRequestSchema = z
  .object({
    title: title().optional(),
    description: description().optional(),
    assigneeId: z.string().uuid().optional(),
    dueAt: storableDateTime().optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), {
    message: 'Give at least one of title, description, assigneeId, dueAt',
  });
export type UpdateTaskRequest = z.input<typeof updateTaskRequestSchema>;

export const listTasksQuerySchema = z.object({
  view: z.enum(TASK_VIEWS).default('mine'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

/** "2 open tasks · next due 14:00": what a conversation header shows. */
export function openTaskSummary(tasks: Pick<TaskDto, 'doneAt' | 'dueAt'>[]): {
  open: number;
  nextDueAt: IsoDateTime | null;
} {
  const open = tasks.filter((t) => t.doneAt === null);
  const next = open.reduce<string | null>(
    (min, t) => (min === null || Date.parse(t.dueAt) < Date.parse(min) ? t.dueAt : min),
    null,
  );
  return { open: open.length, nextDueAt: next };
}
