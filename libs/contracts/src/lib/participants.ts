import { z } from 'zod';
import type { ConversationSummaryDto } from './dtos';

/** Why an operator hears about a conversation's new customer messages. */
export const PARTICIPATION_REASONS = ['replied', 'mentioned', 'followed'] as const;
export type ParticipationReason = (typeof PARTICIPATION_REASONS)[number];

export interface ConversationParticipantDto {
  operatorId: string;
  reason: ParticipationReason;
  createdAt: string;
}

/** The conversation's participants, and whether the signed-in operator is one of them. */
export interface ConversationParticipantsDto {
  participants: ConversationParticipantDto[];
  following: boolean;
}

/** Most conversations the list selection may assign at once. */
export const BULK_ASSIGN_LIMIT = 100;

/** Assign several conversations at once: every one is checked before any changes. */
export const bulkAssignRequestSchema = z
  .object({
    conversationIds: z
      .array(z.string().uuid())
      .min(1)
      .max(BULK_ASSIGN_LIMIT)
      .refine((ids) => new Set(ids).size === ids.length, 'conversationIds: duplicates'),
    /** Absent: each conversation keeps its operator (a team-only change). */
    assigneeId: z.string().uuid().nullable().optional(),
    /** Absent: each conversation keeps its team. */
    teamId: z.string().uuid().nullable().optional(),
  })
  .refine((r) => r.assigneeId !== undefined || r.teamId !== undefined, {
    message: 'Name an assigneeId, a teamId or both',
  });
export type BulkAssignRequest = z.infer<typeof bulkAssignRequestSchema>;

export interface BulkAssignResultDto {
  conversations: ConversationSummaryDto[];
}
