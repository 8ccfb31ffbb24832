import { z } from 'zod';
import { cleanText, MAX_TEXT_LENGTH, safeText } from '@switchboard/contracts';
import { visitorSessionRequestSchema } from '@switchboard/channels-webchat';

export { visitorSessionRequestSchema };

const pageUrl = safeText()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v), 'pageUrl must be an http(s) URL')
  .nullish();

export const visitorTextRequestSchema = z.object({
  clientMessageId: z.string().uuid('clientMessageId must be a UUID'),
  text: safeText()
    .max(MAX_TEXT_LENGTH, `Text is longer than ${MAX_TEXT_LENGTH} characters`)
    .refine((t) => t.trim().length > 0, 'Message must not be empty'),
  visitorName: cleanText().trim().max(255).nullish(),
  pageUrl,
});
export type VisitorTextRequest = z.infer<typeof visitorTextRequestSchema>;

/** Multipart fields next to the file. */
export const visitorAttachmentFieldsSchema = z.object({
  clientMessageId: z.string().uuid('clientMessageId must be a UUID'),
  text: safeText()
    .max(MAX_TEXT_LENGTH, `Text is longer than ${MAX_TEXT_LENGTH} characters`)
    .default(''),
  pageUrl,
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
