import { z } from 'zod';
import type { ActorRef } from './activities';
import type { ChannelKind, ConversationStatus } from './enums';

// Merging two contacts into one card, undoing it, and the suggestions that lead there.

/** How long an admin can undo a merge. */
export const CONTACT_MERGE_UNDO_DAYS = 30;

/** The card's single-valued fields a merge chooses between. */
export const CONTACT_MERGE_FIELDS = ['name', 'email', 'phone', 'notes'] as const;
export type ContactMergeField = (typeof CONTACT_MERGE_FIELDS)[number];

/**
 * Which side's value is kept where both have one. `both` (notes only) keeps the two texts, the
 * survivor's first. A side without a value never wins over one that has it.
 */
export type ContactMergeSide = 'survivor' | 'other';
export type ContactMergeNotesPick = ContactMergeSide | 'both';

const side = z.enum(['survivor', 'other']);

export const contactMergePicksSchema = z
  .object({
    name: side.optional(),
    email: side.optional(),
    phone: side.optional(),
    notes: z.enum(['survivor', 'other', 'both']).optional(),
    /** Per custom attribute key. */
    attributes: z
      .record(z.string().max(40), side)
      .refine((r) => Object.keys(r).length <= 100, 'At most 100 attributes')
      .optional(),
  })
  .strict();
export type ContactMergePicks = z.infer<typeof contactMergePicksSchema>;

export const mergeContactRequestSchema = z
  .object({
    /** The contact that is folded into the one in the path and retired. */
    otherId: z.string().uuid('otherId: not a contact id'),
    picks: contactMergePicksSchema.optional(),
    /** Must be true: the operator saw the preview (checked by the server, 422 otherwise). */
    confirm: z.boolean().optional(),
  })
  .strict();
export type MergeContactRequest = z.infer<typeof mergeContactRequestSchema>;

/**
 * `?other=<id>` (required: the server answers 400 without it, after checking the contact in the
 * path). The preview shows the default winners; the dialog applies the operator's picks.
 */
export const contactMergePreviewQuerySchema = z
  .object({ other: z.string().uuid('other: not a contact id').optional() })
  .strict();
export type ContactMergePreviewQuery = z.infer<typeof contactMergePreviewQuerySchema>;

/** One side of a merge as the preview shows it. */
export interface ContactMergeSideDto {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  identityCount: number;
  conversationCount: number;
}

export interface ContactMergeFieldDto {
  /** A CONTACT_MERGE_FIELDS name, or `attributes.<key>` for a custom attribute. */
  field: string;
  survivor: string | number | boolean | null;
  other: string | number | boolean | null;
  /** Both have a value and they differ: the operator may choose. */
  conflict: boolean;
  winner: ContactMergeSide | 'both';
  /** What the card will hold afterwards. */
  result: string | number | boolean | null;
}

export interface ContactMergeIdentityDto {
  id: string;
  channel: ChannelKind;
  inboxName: string;
  externalId: string;
  displayName: string | null;
}

export interface ContactMergeConversationDto {
  id: string;
  number: number;
  status: ConversationStatus;
  channel: ChannelKind;
  subject: string | null;
  lastActivityAt: string;
}

export type ContactMergeWarning =
  /** Both have open conversations: they stay separate conversations on one card. */
  | { code: 'both_have_open_conversations' }
  /** Values that differ; the ones not kept stay in the merge record and come back on undo. */
  | { code: 'values_differ'; fields: string[] }
  /** Some joining conversations are in inboxes the viewer cannot open (counted, not listed). */
  | { code: 'hidden_conversations'; count: number };

export interface ContactMergePreviewDto {
  survivor: ContactMergeSideDto;
  other: ContactMergeSideDto;
  /** The other contact's identities, which join the survivor. */
  identities: ContactMergeIdentityDto[];
  /** The other contact's conversations the viewer may see (newest first, at most 50). */
  conversations: ContactMergeConversationDto[];
  conversationCounts: Record<ConversationStatus, number>;
  fields: ContactMergeFieldDto[];
  warnings: ContactMergeWarning[];
}

export interface ContactMergeDto {
  id: string;
  survivor: { id: string; name: string | null };
  other: { id: string; name: string | null };
  mergedBy: ActorRef | null;
  mergedAt: string;
  identityCount: number;
  conversationCount: number;
  undoneAt: string | null;
  undoneBy: ActorRef | null;
  /** Until when an admin may undo it. */
  undoableUntil: string;
  /** Whether the viewer can undo it now (admin, in time, not undone, survivor not merged again). */
  canUndo: boolean;
}

/** Why two contacts look like one person. */
export type ContactMergeReason =
  | { kind: 'email'; value: string }
  /** E.164 when the number had a country code, else its digits as written nationally. */
  | { kind: 'phone'; value: string }
  /**
   * A widget visitor typed this address (confirmed or not). Never joined automatically: anyone
   * can type anyone's address.
   */
  | { kind: 'widget_email'; value: string; confirmed: boolean };

export interface ContactMergeSuggestionDto {
  contact: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    channels: ChannelKind[];
  };
  reasons: ContactMergeReason[];
}
