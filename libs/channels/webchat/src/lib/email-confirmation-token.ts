import { z } from 'zod';
import { openSignedPayload, signPayload } from './signed-payload';
import { deriveWebchatKey } from './webchat-keys';

/**
 * The link that proves a follow-up address belongs to the visitor who typed it: signed with the
 * inbox's email-confirmation key (never the visitor-token key), bound to the inbox, the visitor
 * and the exact address, and short-lived.
 */
export const EMAIL_CONFIRMATION_TTL_SECONDS = 24 * 3600;

const VERSION = 'c1';

const payloadSchema = z.object({
  inb: z.string().min(1),
  vk: z.string().min(1).max(512),
  em: z.string().min(3).max(254),
  exp: z.number().int(),
});

export interface EmailConfirmationClaims {
  inboxId: string;
  visitorKey: string;
  email: string;
  expiresAt: Date;
}

export type EmailConfirmationCheck =
  { ok: true; claims: EmailConfirmationClaims } | { ok: false; reason: 'invalid' | 'expired' };

export function issueEmailConfirmationToken(
  hmacSecret: string,
  input: { inboxId: string; visitorKey: string; email: string; now?: Date; ttlSeconds?: number },
): string {
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return signPayload(deriveWebchatKey(hmacSecret, 'email-confirmation'), VERSION, {
    inb: input.inboxId,
    vk: input.visitorKey,
    em: input.email,
    exp: now + (input.ttlSeconds ?? EMAIL_CONFIRMATION_TTL_SECONDS),
  });
}

export function verifyEmailConfirmationToken(
  hmacSecret: string,
  token: string,
  expected: { inboxId: string; now?: Date },
): EmailConfirmationCheck {
  const key = deriveWebchatKey(hmacSecret, 'email-confirmation');
  const parsed = payloadSchema.safeParse(openSignedPayload(key, VERSION, token));
  if (!parsed.success || parsed.data.inb !== expected.inboxId)
    return { ok: false, reason: 'invalid' };
  const now = Math.floor((expected.now ?? new Date()).getTime() / 1000);
  if (parsed.data.exp <= now) return { ok: false, reason: 'expired' };
  const { inb, vk, em, exp } = parsed.data;
  return {
    ok: true,
    claims: { inboxId: inb, visitorKey: vk, email: em, expiresAt: new Date(exp * 1000) },
  };
}
