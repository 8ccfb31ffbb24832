import { preChatFieldListSchema } from '@switchboard/contracts';
import { z } from 'zod';

/** '*' lets any site embed the widget; it must be written out, an empty list refuses every site. */
export const ANY_ORIGIN = '*';

const originSchema = z
  .string()
  .trim()
  .max(255)
  .transform((value, ctx) => {
    if (value === ANY_ORIGIN) return value;
    const origin = normaliseOrigin(value);
    if (!origin) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a website origin (https://example.com)`,
      });
      return z.NEVER;
    }
    return origin;
  });

export { preChatFieldSchema, type PreChatField } from '@switchboard/contracts';

/** Public settings of a web chat inbox: shown to visitors, returned by the API. */
export const webchatSettingsSchema = z.object({
  greeting: z.string().trim().max(500).default('Hi! How can we help you today?'),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Accent colour must look like #1a2b3c')
    .default('#2563eb'),
  allowedOrigins: z.array(originSchema).max(50).default([]),
  /** Show the optional "email me the answer" field. */
  askEmail: z.boolean().default(true),
  /** Shown under the greeting, e.g. "We answer Mon–Fri 9–17 CET". Empty hides it. */
  officeHoursMessage: z.string().trim().max(500).default(''),
  /** New conversations one IP address may open per hour (spam guard; the count is per server, not per inbox). */
  newConversationsPerIpPerHour: z.number().int().min(1).max(10_000).default(20),
  /** Asked in the widget before the first message; empty asks nothing. */
  preChatFields: preChatFieldListSchema.default([]),
});
export type WebchatSettings = z.output<typeof webchatSettingsSchema>;

export const webchatSecretsSchema = z.object({
  /**
   * Shared with the site's backend to sign user ids (identity verification); a key derived from it
   * signs visitor tokens.
   */
  hmacSecret: z.string().min(32, 'hmacSecret must be at least 32 characters').max(512),
});
export type WebchatSecrets = z.output<typeof webchatSecretsSchema>;

/** "https://Example.com:443/path" → "https://example.com"; null for anything that is not http(s). */
export function normaliseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.origin;
}

/** Whether a request's Origin header names a site the inbox allows. */
export function isOriginAllowed(
  origin: string | null | undefined,
  allowed: readonly string[],
): boolean {
  if (allowed.includes(ANY_ORIGIN)) return true;
  if (!origin) return false;
  const normalised = normaliseOrigin(origin);
  return normalised !== null && allowed.includes(normalised);
}
