import { z } from 'zod';
import { safeText } from './safe-text';
import type { IsoDateTime } from './dtos';

/** `csat`: 1 (bad) to 5 (great); `nps`: 0 to 10, "how likely are you to recommend us". */
export const CSAT_SCALES = ['csat', 'nps'] as const;
export type CsatScale = (typeof CSAT_SCALES)[number];

export const CSAT_MAX_COMMENT = 1000;
export const CSAT_MAX_DELAY_MINUTES = 1440;
/** How long a rating link stays usable after the survey was sent. */
export const CSAT_LINK_DAYS = 14;

/** The lowest and highest rating of a scale. */
export function csatRange(scale: CsatScale): { min: number; max: number } {
  return scale === 'csat' ? { min: 1, max: 5 } : { min: 0, max: 10 };
}

/** Every rating a scale offers, lowest first (the buttons a survey shows). */
export function csatRatings(scale: CsatScale): number[] {
  const { min, max } = csatRange(scale);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Per inbox (admins): whether and how customers are asked after a conversation is closed. */
export const csatSettingsSchema = z.object({
  enabled: z.boolean(),
  delayMinutes: z.number().int().min(0).max(CSAT_MAX_DELAY_MINUTES),
  question: safeText().trim().min(1).max(500),
  scale: z.enum(CSAT_SCALES),
  commentEnabled: z.boolean(),
  /** No second survey to the same customer within this many days. */
  quietDays: z.number().int().min(0).max(365).default(30),
});
export type CsatSettingsInput = z.input<typeof csatSettingsSchema>;
export type CsatSettingsDto = z.output<typeof csatSettingsSchema> & { inboxId: string };

export const CSAT_DEFAULT_QUESTION = 'How would you rate the help you received?';

/** A customer's answer (widget API, rating page). The range is checked against the survey's scale. */
export const csatAnswerSchema = z.object({
  rating: z.number().int(),
  comment: safeText().trim().max(CSAT_MAX_COMMENT).nullish(),
});
export type CsatAnswerInput = z.input<typeof csatAnswerSchema>;

export type CsatSurveyState = 'scheduled' | 'sent' | 'skipped' | 'answered';

/** The survey of a conversation and its answer, as the conversation header shows it. */
export interface ConversationCsatDto {
  conversationId: string;
  state: CsatSurveyState;
  scale: CsatScale;
  /** Why it was not sent (quiet period, automated sender, outside the reply window ...). */
  skipReason: string | null;
  sentAt: IsoDateTime | null;
  response: { rating: number; comment: string | null; answeredAt: IsoDateTime } | null;
}

/** A survey the widget shows under its message: rating buttons, then an optional comment. */
export interface WidgetCsatSurveyDto {
  surveyId: string;
  conversationId: string;
  /** The survey's message in the chat, to render the buttons under it. */
  messageId: string | null;
  question: string;
  scale: CsatScale;
  commentEnabled: boolean;
  answered: { rating: number; comment: string | null } | null;
}

/** `GET /api/conversations/:id/csat`: null while the conversation has no survey. */
export interface ConversationCsatEnvelopeDto {
  survey: ConversationCsatDto | null;
}
