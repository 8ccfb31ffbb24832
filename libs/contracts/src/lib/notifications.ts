import { z } from 'zod';
import type { ConversationSummaryDto, NotificationDto } from './dtos';

/** One entry of the notification centre: the notification and the conversation it is about. */
export interface NotificationItemDto extends NotificationDto {
  conversation: ConversationSummaryDto;
}

export interface NotificationCountDto {
  unread: number;
}

export const listNotificationsQuerySchema = z.object({
  /** Keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

/** Mark read: these notifications, every notification about one conversation, or all of them. */
export const markNotificationsReadRequestSchema = z
  .object({
    ids: z.array(z.string().uuid()).min(1).max(500).optional(),
    conversationId: z.string().uuid().optional(),
    all: z.literal(true).optional(),
  })
  .refine((r) => [r.ids, r.conversationId, r.all].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of ids, conversationId or all',
  });
export type MarkNotificationsReadRequest = z.infer<typeof markNotificationsReadRequestSchema>;
