import { z } from 'zod';
import { cleanText, MAX_TEXT_LENGTH, safeText } from '@switchboard/contracts';
import { visitorSessionRequestSchema } from '@switchboard/channels-webchat';

export { visitorSessionRequestSchema };

/** A page address the widget reports: http(s) only, length-bounded, and a URL the parser accepts. */
const httpUrl = (field: string) =>
  safeText()
    .max(2048, `${field} is longer than 2048 characters`)
    .refine(isHttpUrl, `${field} must be an http(s) URL`)
    .nullish();

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
const pageUrl = httpUrl('pageUrl');
const referrer = httpUrl('referrer');

/** Pre-chat answers by field key; checked against the inbox's fields in prechat-answers.ts. */
export const preChatAnswersSchema = z
  .record(z.string().max(40), safeText().max(1000, 'A pre-chat answer is at most 1000 characters'))
  .refine((a) => Object.keys(a).length <= 10, 'At most 10 pre-chat answers')
  .nullish();

/** Multipart carries the answers as one JSON field. */
const preChatAnswersField = z.preprocess((raw, ctx) => {
  if (typeof raw !== 'string' || raw === '') return raw === '' ? null : raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'prechat must be a JSON object' });
    return z.NEVER;
  }
}, preChatAnswersSchema);

export const visitorTextRequestSchema = z.object({
  clientMessageId: z.string().uuid('clientMessageId must be a UUID'),
  text: safeText()
    .max(MAX_TEXT_LENGTH, `Text is longer than ${MAX_TEXT_LENGTH} characters`)
    .refine((t) => t.trim().length > 0, 'Message must not be empty'),
  visitorName: cleanText().trim().max(255).nullish(),
  pageUrl,
  referrer,
  prechat: preChatAnswersSchema,
});
export type VisitorTextRequest = z.infer<typeof visitorTextRequestSchema>;

/** Multipart fields next to the file. */
export const visitorAttachmentFieldsSchema = z.object({
  clientMessageId: z.string().uuid('clientMessageId must be a UUID'),
  text: safeText()
    .max(MAX_TEXT_LENGTH, `Text is longer than ${MAX_TEXT_LENGTH} characters`)
    .default(''),
  pageUrl,
  referrer,
  prechat: preChatAnswersField,
});

export const visitorContactRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  pageUrl,
});

export const widgetHandshakeSchema = z.object({
  inboxId: z.string().uuid(),
  visitorToken: z.string().min(1).max(2048),
});

export const typingPayloadSchema = z.object({ typing: z.boolean() });

export const receiptPayloadSchema = z.object({
  status: z.enum(['delivered', 'read']),
  messageIds: z.array(z.string().uuid()).min(1).max(100),
});
