import { z } from 'zod';
import type { IsoDateTime, MessageDto } from './dtos';
import { MAX_TEXT_LENGTH } from './requests';
import { safeText } from './safe-text';

/** The composer's two modes; a draft remembers which one it was written in. */
export const DRAFT_MODES = ['reply', 'note'] as const;
export type DraftMode = (typeof DRAFT_MODES)[number];

/** An operator's unsent text for one conversation, kept on the server so it follows them. */
export interface DraftDto {
  conversationId: string;
  text: string;
  mode: DraftMode;
  updatedAt: IsoDateTime;
}

export const saveDraftRequestSchema = z.object({
  text: safeText().max(MAX_TEXT_LENGTH, `Text is longer than ${MAX_TEXT_LENGTH} characters`),
  mode: z.enum(DRAFT_MODES).default('reply'),
});
export type SaveDraftRequest = z.input<typeof saveDraftRequestSchema>;

/**
 * `details` of a 409 REPLY_COLLISION: a colleague sent the customer a reply after the last message
 * the operator saw. Sending again with `confirmed: true` sends anyway.
 */
export interface ReplyCollisionDetails {
  repliedBy: { id: string; name: string | null };
  repliedAt: IsoDateTime;
  /** The newest such reply, to show before the operator decides. */
  message: MessageDto;
}

/** What an operator is doing in a conversation, as others see it. */
export const VIEWER_ACTIVITIES = ['viewing', 'replying', 'noting'] as const;
export type ViewerActivity = (typeof VIEWER_ACTIVITIES)[number];

/** Who has a conversation open right now (never stored; expires without heartbeats). */
export interface ConversationViewer {
  operatorId: string;
  name: string | null;
  activity: ViewerActivity;
}

export interface ConversationViewersSignal {
  conversationId: string;
  viewers: ConversationViewer[];
}

/** Sent by an open tab every VIEWING_HEARTBEAT_MS; `conversationId: null` closes the conversation. */
export interface ViewingRequest {
  conversationId: string | null;
  activity?: ViewerActivity;
}

export const VIEWING_HEARTBEAT_MS = 10_000;
/** A tab that has not said it is still there for this long no longer counts as viewing. */
export const VIEWING_TTL_MS = 30_000;
