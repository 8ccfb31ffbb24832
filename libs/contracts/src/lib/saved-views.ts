import { z } from 'zod';
import { listConversationsQuerySchema } from './requests';
import { safeText } from './safe-text';

/** Longest view name, in characters as JavaScript counts them. */
export const MAX_SAVED_VIEW_NAME_LENGTH = 80;
/** Views one operator may own (personal and shared together). */
export const MAX_SAVED_VIEWS_PER_OPERATOR = 50;
/** Shared views of one account: everyone's sidebar shows them, so they stay few. */
export const MAX_SHARED_SAVED_VIEWS_PER_ACCOUNT = 50;
/** Pinned views counted per request, in sidebar order; the rest count null. */
export const MAX_COUNTED_SAVED_VIEWS = 25;

/**
 * What a view stores: the feed's own query (`GET /api/conversations`) without its page cursor and
 * size. Derived from the feed's schema, so every filter the feed learns is saveable unchanged.
 */
export const savedViewQuerySchema = listConversationsQuerySchema.omit({
  cursor: true,
  limit: true,
});
export type SavedViewQuery = z.infer<typeof savedViewQuerySchema>;

export interface SavedViewDto {
  id: string;
  name: string;
  /** Shared views show for the whole account; personal ones only for their owner. */
  shared: boolean;
  ownerOperatorId: string;
  ownerName: string;
  /** Whether the caller may rename, reshape or delete it (the owner; admins for shared views). */
  editable: boolean;
  /** Pinned views are listed first in the sidebar, with a live count. */
  pinned: boolean;
  /** Sidebar order (ascending), then by name. */
  position: number;
  /** The feed query, as saved. */
  query: SavedViewQuery;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /api/views/counts`: how many conversations each pinned view the caller sees holds for the
 * caller (their inbox access applies). Null for a view past MAX_COUNTED_SAVED_VIEWS or whose
 * saved query no longer parses.
 */
export interface SavedViewCountsDto {
  counts: Record<string, number | null>;
}

const savedViewName = () =>
  safeText()
    .trim()
    .min(1, 'Name must not be empty')
    .max(
      MAX_SAVED_VIEW_NAME_LENGTH,
      `Name is longer than ${MAX_SAVED_VIEW_NAME_LENGTH} characters`,
    );

const position = () => z.number().int().min(0).max(100_000);

export const createSavedViewRequestSchema = z.object({
  name: savedViewName(),
  shared: z.boolean().default(false),
  pinned: z.boolean().default(true),
  /** Absent: after the owner's other views. */
  position: position().optional(),
  query: savedViewQuerySchema,
});
export type CreateSavedViewRequest = z.input<typeof createSavedViewRequestSchema>;
export type ParsedCreateSavedViewRequest = z.output<typeof createSavedViewRequestSchema>;

export const updateSavedViewRequestSchema = z
  .object({
    name: savedViewName(),
    shared: z.boolean(),
    pinned: z.boolean(),
    position: position(),
    query: savedViewQuerySchema,
  })
  .partial()
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'Nothing to change');
export type UpdateSavedViewRequest = z.input<typeof updateSavedViewRequestSchema>;
export type ParsedUpdateSavedViewRequest = z.output<typeof updateSavedViewRequestSchema>;
