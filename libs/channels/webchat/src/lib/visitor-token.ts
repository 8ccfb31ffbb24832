import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The visitor token: issued and signed by the server, kept by the widget in local storage, so the
 * same browser finds its conversation days later. Format: `v1.<base64url payload>.<base64url mac>`.
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

/** Separate key per purpose: the site backend's identity HMACs can never double as visitor tokens. */
function tokenKey(hmacSecret: string): Buffer {
  return createHmac('sha256', hmacSecret).update('switchboard:webchat:visitor-token:v1').digest();
}

function mac(hmacSecret: string, body: string): Buffer {
  return createHmac('sha256', tokenKey(hmacSecret)).update(`v1.${body}`).digest();
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
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const token = `v1.${body}.${mac(hmacSecret, body).toString('base64url')}`;
  return { token, claims: toClaims(payload) };
}

export function verifyVisitorToken(
  hmacSecret: string,
  token: string,
  expected: { inboxId: string; now?: Date },
): VisitorTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1' || token.length > 2048) return invalid();
  const [, body, signature] = parts;
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(hmacSecret, body);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return invalid();
  let parsed: z.infer<typeof payloadSchema>;
  try {
    const result = payloadSchema.safeParse(
      JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
    );
    if (!result.success) return invalid();
    parsed = result.data;
  } catch {
    return invalid();
  }
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
