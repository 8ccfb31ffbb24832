import { safeText } from '@switchboard/contracts';
import { z } from 'zod';
import { verifyIdentityHmac } from './identity-hmac';
import { issueVisitorToken, verifyVisitorToken, type VisitorClaims } from './visitor-token';
import { isOriginAllowed, type WebchatSecrets, type WebchatSettings } from './webchat-settings';

export const visitorSessionRequestSchema = z.object({
  /** The token this browser kept from an earlier visit, to resume its conversation. */
  visitorToken: z.string().min(1).max(2048).nullish(),
  /** Set by a site that knows its user: hmac = hex(HMAC-SHA256(hmacSecret, userId)), computed server-side. */
  identity: z
    .object({
      userId: safeText().trim().min(1).max(256),
      hmac: z.string().min(1).max(128),
    })
    .nullish(),
});
export type VisitorSessionRequest = z.input<typeof visitorSessionRequestSchema>;

export type VisitorRefusal =
  'origin_refused' | 'token_invalid' | 'token_expired' | 'identity_invalid';

export type VisitorSessionResult =
  | { ok: true; token: string; claims: VisitorClaims; resumed: boolean }
  | { ok: false; reason: VisitorRefusal };

/**
 * Opens or resumes a visitor session. An identity is trusted only with a valid HMAC; a stored token
 * that carries a user id is not reused when the site stops vouching for that user (sign-out on a
 * shared computer must not show the previous user's chat).
 */
export function openVisitorSession(
  input: { origin: string | null; request: VisitorSessionRequest; now?: Date },
  ctx: { inboxId: string; settings: WebchatSettings; secrets: WebchatSecrets },
): VisitorSessionResult {
  if (!isOriginAllowed(input.origin, ctx.settings.allowedOrigins))
    return { ok: false, reason: 'origin_refused' };
  const secret = ctx.secrets.hmacSecret;
  const identity = input.request.identity ?? null;
  if (identity && !verifyIdentityHmac(secret, identity.userId, identity.hmac)) {
    return { ok: false, reason: 'identity_invalid' };
  }
  let previous: VisitorClaims | null = null;
  if (input.request.visitorToken) {
    const check = verifyVisitorToken(secret, input.request.visitorToken, {
      inboxId: ctx.inboxId,
      now: input.now,
    });
    if (!check.ok) return { ok: false, reason: check.reason };
    previous = check.claims;
  }
  const userId = identity?.userId ?? null;
  const keepVisitor = previous !== null && (previous.userId === null || previous.userId === userId);
  const issued = issueVisitorToken(secret, {
    inboxId: ctx.inboxId,
    visitorId: keepVisitor ? previous?.visitorId : undefined,
    userId,
    now: input.now,
  });
  return { ok: true, token: issued.token, claims: issued.claims, resumed: keepVisitor };
}

/** Checks that come with every visitor request after the session: token and origin. */
export function checkVisitorProof(
  input: { visitorToken: string; origin: string | null; now?: Date },
  ctx: { inboxId: string; settings: WebchatSettings; secrets: WebchatSecrets },
): { ok: true; claims: VisitorClaims } | { ok: false; reason: VisitorRefusal } {
  if (!isOriginAllowed(input.origin, ctx.settings.allowedOrigins))
    return { ok: false, reason: 'origin_refused' };
  return verifyVisitorToken(ctx.secrets.hmacSecret, input.visitorToken, {
    inboxId: ctx.inboxId,
    now: input.now,
  });
}
