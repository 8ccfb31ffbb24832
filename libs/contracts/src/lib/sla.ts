import { z } from 'zod';
import type { IsoDateTime } from './dtos';
import { CONVERSATION_PRIORITIES, type ConversationPriority } from './priority';
import { businessHoursSchema, type BusinessHours } from './business-hours';

/** The clocks a policy can run on a conversation. */
export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Where a running target stands: before its warning, past it, past its due time. */
export const SLA_STATES = ['running', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The longest target (a year), so due times stay within what we store and compute. */
export const MAX_SLA_MINUTES = 525_600;

/** The conversation's nearest running target, in the feed row and the header (live countdown). */
export interface ConversationSlaDto {
  target: SlaTarget;
  dueAt: IsoDateTime;
  state: SlaState;
  /** Snoozed under a policy that does not count snoozed time: the clock stands still. */
  paused?: boolean;
}

export interface SlaPolicyDto {
  id: string;
  inboxId: string;
  /** Null: any priority without a policy of its own. */
  priority: ConversationPriority | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Warn when this share of the target has passed (1–99) ... */
  warningPercent: number | null;
  /** ... or this many minutes before it is due. */
  warningMinutesBefore: number | null;
  /** Whether time spent snoozed counts against the targets. */
  countSnoozed: boolean;
  /** Count only the inbox's business hours (when it has any). */
  businessHours: boolean;
  createdAt: IsoDateTime;
}

const minutes = z
  .number()
  .int('Minutes are whole numbers')
  .min(1, 'Minutes must be at least 1')
  .max(MAX_SLA_MINUTES, `At most ${MAX_SLA_MINUTES} minutes (a year)`)
  .nullable();

const policyFields = z.object({
  priority: z.enum(CONVERSATION_PRIORITIES).nullable().default(null),
  firstResponseMinutes: minutes.default(null),
  nextResponseMinutes: minutes.default(null),
  resolutionMinutes: minutes.default(null),
  warningPercent: z.number().int().min(1).max(99).nullable().default(null),
  warningMinutesBefore: minutes.default(null),
  countSnoozed: z.boolean().default(true),
  businessHours: z.boolean().default(true),
});

type PolicyFields = z.infer<typeof policyFields>;

function checkPolicy(p: PolicyFields, ctx: z.RefinementCtx): void {
  if (
    p.firstResponseMinutes === null &&
    p.nextResponseMinutes === null &&
    p.resolutionMinutes === null
  )
    ctx.addIssue({
      code: 'custom',
      path: ['firstResponseMinutes'],
      message: 'A policy needs at least one target: first response, next response or resolution',
    });
  if (p.warningPercent !== null && p.warningMinutesBefore !== null)
    ctx.addIssue({
      code: 'custom',
      path: ['warningPercent'],
      message: 'Warn by a percentage or by minutes before, not both',
    });
}

export const createSlaPolicyRequestSchema = policyFields
  .extend({ inboxId: z.string().uuid() })
  .superRefine(checkPolicy);
export type CreateSlaPolicyRequest = z.input<typeof createSlaPolicyRequestSchema>;

/** An update replaces every field of the policy but its inbox. */
export const updateSlaPolicyRequestSchema = policyFields.superRefine(checkPolicy);
export type UpdateSlaPolicyRequest = z.input<typeof updateSlaPolicyRequestSchema>;

export const setPriorityRequestSchema = z.object({ priority: z.enum(CONVERSATION_PRIORITIES) });
export type SetPriorityRequest = z.infer<typeof setPriorityRequestSchema>;

/** `PUT /api/inboxes/:id/business-hours`: a schedule, or null for "always open". */
export const setBusinessHoursRequestSchema = z.object({
  businessHours: businessHoursSchema.nullable(),
});
export type SetBusinessHoursRequest = z.input<typeof setBusinessHoursRequestSchema>;

export interface InboxBusinessHoursDto {
  inboxId: string;
  businessHours: BusinessHours | null;
  /** Whether the inbox is open now, and its next opening when closed (null: never, or open). */
  openNow: boolean;
  nextOpening: IsoDateTime | null;
}
