import { z } from 'zod';
import type { ChannelKind } from './enums';
import type { ConversationRef } from './activities';
import type { ConversationSummaryDto } from './dtos';

/** `POST /api/conversations/:id/merge`: the duplicate `sourceId` is merged into `:id`. */
export const mergeConversationRequestSchema = z
  .object({
    sourceId: z.string().uuid(),
    /** Required when the two conversations belong to different customers (else 409). */
    confirm: z.boolean().default(false),
  })
  .strict();
export type MergeConversationRequest = z.input<typeof mergeConversationRequestSchema>;

/** `POST /api/conversations/:id/split`: the message (and, optionally, the ones after it) move out. */
export const splitConversationRequestSchema = z
  .object({
    messageId: z.string().uuid(),
    withFollowing: z.boolean(),
  })
  .strict();
export type SplitConversationRequest = z.input<typeof splitConversationRequestSchema>;

/** Messages moved from one conversation into another: both as they are now. */
export interface ConversationMoveResultDto {
  from: ConversationSummaryDto;
  to: ConversationSummaryDto;
  movedCount: number;
}

/** A conversation named in a link: "merged into #1042". */
export type ConversationLinkDto = ConversationRef;

/** One way to reach the customer of a conversation ("Reply via"). */
export interface ReplyChannelDto {
  identityId: string;
  inboxId: string;
  inboxName: string;
  channel: ChannelKind;
  /** What the customer is known as there: email address, phone, user name. */
  handle: string | null;
}

/** `GET /api/conversations/:id/links`: where a merged conversation went, and how to reply. */
export interface ConversationLinksDto {
  mergedInto: ConversationLinkDto | null;
  /** The customer's channels this conversation holds messages from, usable by this operator. */
  replyChannels: ReplyChannelDto[];
  /** The channel of the latest customer message (the composer's default). */
  defaultIdentityId: string | null;
}
