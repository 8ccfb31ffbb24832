import { z } from 'zod';
import { ASSIGNEE_FILTERS, CHANNEL_KINDS, CONVERSATION_STATUSES, REOPEN_POLICIES } from './enums';
import { safeJsonRecord, safeText, storableDateTime } from './safe-text';
import { MAX_SEARCH_LENGTH, parseSearchQuery } from './search';
import { tagFilterSchema } from './tags';
import { attributeFilterSchema } from './contacts';
import { emailCopiesSchema } from './email-replies';
import { FEED_SORTS, priorityFilterSchema } from './priority-filter';

/** Hard ceiling for any message text; channels may declare a lower one. */
export const MAX_TEXT_LENGTH = 10_000;

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
  /** `bearer` (default): the token in the body, for API clients. `cookie`: the SPA's HttpOnly session. */
  session: z.enum(['bearer', 'cookie']).default('bearer'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const listConversationsQuerySchema = z.object({
  /** `all`: every status at once (what search over all history asks for). */
  status: z.enum([...CONVERSATION_STATUSES, 'all']).default('open'),
  assignee: z.enum(ASSIGNEE_FILTERS).default('all'),
  /** Conversations assigned to this operator (besides `assignee`, which names mine/team/unassigned). */
  assigneeId: z.string().uuid().optional(),
  inboxId: z.string().uuid().optional(),
  channel: z.enum(CHANNEL_KINDS).optional(),
  /** The search box: words, "phrases", #1042 and #tags (see parseSearchQuery). */
  q: safeText()
    .trim()
    .max(MAX_SEARCH_LENGTH, `Search text is longer than ${MAX_SEARCH_LENGTH} characters`)
    .superRefine((v, ctx) => {
      const parsed = parseSearchQuery(v);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
    })
    .optional(),
  /** Last activity at or after this instant. */
  from: storableDateTime().optional(),
  /** Last activity before this instant. */
  to: storableDateTime().optional(),
  /** `tag=a&tag=b`: conversations carrying every one of these tags (names, any case). */
  tag: tagFilterSchema,
  /** `attr=plan:gold` (repeatable): conversations whose contact has every one of these values. */
  attr: attributeFilterSchema,
  /** `priority=high&priority=urgent`: conversations of any of these priorities. */
  priority: priorityFilterSchema,
  /** Mail sent by machines (auto-replies, bulk, out-of-office): `hide` them, or show `only` them. */
  automated: z.enum(['hide', 'only']).optional(),
  /** `priority`: most urgent first, then newest activity (the cursor remembers which order). */
  sort: z.enum(FEED_SORTS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;

export const countConversationsQuerySchema = listConversationsQuerySchema.omit({
  status: true,
  cursor: true,
  limit: true,
});
export type CountConversationsQuery = z.infer<typeof countConversationsQuerySchema>;

export const listMessagesQuerySchema = z.object({
  /** Keyset cursor: return messages older than this one. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export const sendMessageRequestSchema = z
  .object({
    kind: z.enum(['message', 'note']).default('message'),
    text: safeText()
      .max(MAX_TEXT_LENGTH, `Text is longer than ${MAX_TEXT_LENGTH} characters`)
      .default(''),
    /** Client-generated id: sending the same one twice stores one message. */
    clientMessageId: z.string().uuid().optional(),
    /** Files uploaded with POST /api/files. */
    attachmentIds: z.array(z.string().uuid()).max(10).default([]),
    /** The newest message the operator saw: a colleague's reply after it holds the send (409). */
    lastSeenMessageId: z.string().uuid().optional(),
    /** Send even though a colleague replied meanwhile. */
    confirmed: z.boolean().default(false),
    /** Active operators @mentioned in a note (notified); a customer-facing reply takes none (400). */
    mentionIds: z.array(z.string().uuid()).max(50).default([]),
    /** The customer message this reply answers (sent as a reply where the channel has them). */
    replyToMessageId: z.string().uuid().optional(),
    /**
     * "Reply via": the customer identity (another channel of a merged conversation) to send
     * through; absent: the channel of the latest customer message.
     */
    identityId: z.string().uuid().optional(),
    /**
     * Send an approved template instead of free text (WhatsApp outside its 24-hour window): its
     * id and a value for each numbered variable. The server renders the text.
     */
    template: z
      .object({
        id: z.string().trim().min(1).max(64),
        variables: z.record(
          z.string().regex(/^\d{1,2}$/, 'Template variables are numbered: "1", "2" …'),
          safeText().trim().min(1, 'Every template variable needs a value').max(1024),
        ),
      })
      .optional(),
    /** Email replies only (anything else: 400): copies to these addresses, and blind copies. */
    cc: emailCopiesSchema,
    bcc: emailCopiesSchema,
    /**
     * Sent from a composer with Undo: a reply waits its operator's Undo send delay before it
     * leaves (POST /api/messages/:id/undo-send takes it back). Absent: it leaves at once.
     */
    undoable: z.boolean().default(false),
  })
  .refine((m) => m.text.trim().length > 0 || m.attachmentIds.length > 0 || Boolean(m.template), {
    message: 'Text must not be empty',
    path: ['text'],
  });
export type SendMessageRequest = z.input<typeof sendMessageRequestSchema>;

export const snoozeRequestSchema = z.object({
  until: storableDateTime().refine((v) => Date.parse(v) > Date.now() - 60_000, {
    message: 'Snooze time must be in the future',
  }),
});
export type SnoozeRequest = z.infer<typeof snoozeRequestSchema>;

export const assignRequestSchema = z.object({
  assigneeId: z.string().uuid().nullable(),
  /** Also (un)assign a team; absent leaves the team as it is. */
  teamId: z.string().uuid().nullable().optional(),
});
export type AssignRequest = z.infer<typeof assignRequestSchema>;

export const createInboxRequestSchema = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: safeText().trim().min(1).max(100),
  settings: safeJsonRecord().default({}),
  secrets: z.record(z.string(), z.string()).default({}),
  reopenPolicy: z.enum(REOPEN_POLICIES).default('reopen'),
});
export type CreateInboxRequest = z.input<typeof createInboxRequestSchema>;

export const updateInboxRequestSchema = createInboxRequestSchema.omit({ kind: true }).partial();
export type UpdateInboxRequest = z.input<typeof updateInboxRequestSchema>;

/**
 * DELETE /api/inboxes/:id. Without a body the inbox is removed and its conversations stay; with
 * `deleteHistory`, its conversations, messages and files are deleted too, only when `confirmName`
 * is the inbox's exact name (typed by the admin).
 */
export const removeInboxRequestSchema = z
  .object({
    deleteHistory: z.boolean().default(false),
    confirmName: safeText().max(200).optional(),
  })
  .default({ deleteHistory: false });
export type RemoveInboxRequest = z.input<typeof removeInboxRequestSchema>;
