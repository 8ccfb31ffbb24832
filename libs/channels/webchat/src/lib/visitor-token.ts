import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { openSignedPayload, signPayload } from './signed-payload';
import { deriveWebchatKey } from './webchat-keys';

/**
 * The visitor token: issued and signed by the server, kept by the widget in local storage, so the
 * same browser finds its conversation days later. Format: `v2.<base64url payload>.<base64url mac>`,
 * signed with the inbox's visitor-token key (`webchat-keys.ts`). v1 tokens were signed with
 * HMAC(secret, label), a value any site hands out as the identity HMAC of a user named like the
 * label; they are refused, and the widget then simply opens a fresh session.
 */
export const VISITOR_TOKEN_TTL_SECONDS = 180 * 24 * 3600;

const payloadSchema = z.object({
  inb: z.string().min(1),
  vid: z.string().uuid(),
  /** Verified user id from the site (identity HMAC checked when the token was issued). */
  uid: z.string().min(1).max(256).nullish(),
  iat: z.number().int(),
  exp: z.number().int(),
});

export interface VisitorClaims {
  inboxId: string;
  visitorId: string;
  userId: string | null;
  issuedAt: Date;
  expiresAt: Date;
}

export type VisitorTokenCheck =
  { ok: true; claims: VisitorClaims } | { ok: false; reason: 'token_invalid' | 'token_expired' };

const VERSION = 'v2';

function tokenKey(hmacSecret: string): Buffer {
  return deriveWebchatKey(hmacSecret, 'visitor-token');
}

export function issueVisitorToken(
  hmacSecret: string,
  input: {
    inboxId: string;
    visitorId?: string;
    userId?: string | null;
    now?: Date;
    ttlSeconds?: number;
  },
): { token: string; claims: VisitorClaims } {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const payload = {
    inb: input.inboxId,
    vid: input.visitorId ?? randomUUID(),
    uid: input.userId ?? null,
    iat,
    exp: iat + (input.ttlSeconds ?? VISITOR_TOKEN_TTL_SECONDS),
  };
  const token = signPayload(tokenKey(hmacSecret), VERSION, payload);
  return { token, claims: toClaims(payload) };
}

export function verifyVisitorToken(
  hmacSecret: string,
  token: string,
  expected: { inboxId: string; now?: Date },
): VisitorTokenCheck {
  const result = payloadSchema.safeParse(openSignedPayload(tokenKey(hmacSecret), VERSION, token));
  if (!result.success) return invalid();
  const parsed = result.data;
  if (parsed.inb !== expected.inboxId) return invalid();
  const now = Math.floor((expected.now ?? new Date()).getTime() / 1000);
  if (parsed.exp <= now) return { ok: false, reason: 'token_expired' };
  return { ok: true, claims: toClaims(parsed) };
}

function toClaims(p: z.infer<typeof payloadSchema>): VisitorClaims {
  return {
    inboxId: p.inb,
    visitorId: p.vid,
    userId: p.uid ?? null,
    issuedAt: new Date(p.iat * 1000),
    expiresAt: new Date(p.exp * 1000),
  };
}

function invalid(): VisitorTokenCheck {
  return { ok: false, reason: 'token_invalid' };
}

/** The contact identity key on this inbox: a verified user is the same customer on every device. */
export function visitorExternalId(claims: Pick<VisitorClaims, 'visitorId' | 'userId'>): string {
  return claims.userId ? `user:${claims.userId}` : `visitor:${claims.visitorId}`;
}
