import { z } from 'zod';
import type { AttachmentDto } from './dtos';
import { safeText } from './safe-text';
import { MAX_TEXT_LENGTH } from './requests';

/** `shared`: the whole account sees it, admins manage it. `personal`: only its owner. */
export const CANNED_REPLY_SCOPES = ['shared', 'personal'] as const;
export type CannedReplyScope = (typeof CANNED_REPLY_SCOPES)[number];

export interface CannedReplyDto {
  id: string;
  scope: CannedReplyScope;
  /** The owner of a personal reply; null for shared ones. */
  ownerOperatorId: string | null;
  title: string;
  shortcut: string;
  body: string;
  attachments: AttachmentDto[];
  createdAt: string;
  updatedAt: string;
}

/** A canned reply with its placeholders filled for one conversation. */
export interface RenderedCannedReplyDto {
  text: string;
  /** Placeholders left as typed because nothing fills them; the composer refuses to send them. */
  unknownPlaceholders: string[];
  attachments: AttachmentDto[];
}

/** Letters, digits, `-` and `_` in any script: typed after `/` in the composer. */
const SHORTCUT = /^[\p{L}\p{N}_-]+$/u;

const cannedReplyFields = {
  title: safeText().trim().min(1, 'Title must not be empty').max(120),
  shortcut: safeText()
    .trim()
    .toLowerCase()
    .min(1, 'Shortcut must not be empty')
    .max(32)
    .regex(SHORTCUT, 'Shortcut may hold only letters, digits, "-" and "_"'),
  body: safeText()
    .max(MAX_TEXT_LENGTH, `Body is longer than ${MAX_TEXT_LENGTH} characters`)
    .refine((b) => b.trim().length > 0, 'Body must not be empty'),
  /** Files uploaded with POST /api/files. */
  attachmentIds: z.array(z.string().uuid()).max(10),
};

export const createCannedReplyRequestSchema = z.object({
  scope: z.enum(CANNED_REPLY_SCOPES).default('personal'),
  ...cannedReplyFields,
  attachmentIds: cannedReplyFields.attachmentIds.default([]),
});
export type CreateCannedReplyRequest = z.input<typeof createCannedReplyRequestSchema>;

export const updateCannedReplyRequestSchema = z
  .object(cannedReplyFields)
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'Nothing to change');
export type UpdateCannedReplyRequest = z.input<typeof updateCannedReplyRequestSchema>;

export const renderCannedReplyRequestSchema = z.object({
  conversationId: z.string().uuid(),
});
export type RenderCannedReplyRequest = z.infer<typeof renderCannedReplyRequestSchema>;
