import { z } from 'zod';
import type { IsoDateTime } from './dtos';
import { REOPEN_POLICIES } from './enums';
import { safeJsonRecord, safeText } from './safe-text';

/** Mailbox providers an email inbox can be connected to with OAuth 2.0 instead of passwords. */
export const EMAIL_OAUTH_PROVIDERS = ['google', 'microsoft'] as const;
export type EmailOAuthProvider = (typeof EMAIL_OAUTH_PROVIDERS)[number];

/**
 * POST /api/email-oauth/authorizations (admin): "Connect Google/Microsoft". Either an existing
 * email inbox (reconnect, or switch it from passwords) or a new inbox, created once the callback
 * has proved the mailbox (its settings name the mailbox as `imap.user`).
 */
export const startEmailOAuthRequestSchema = z
  .object({
    provider: z.enum(EMAIL_OAUTH_PROVIDERS),
    inboxId: z.uuid().optional(),
    inbox: z
      .object({
        name: safeText().trim().min(1).max(100),
        reopenPolicy: z.enum(REOPEN_POLICIES).default('reopen'),
        settings: safeJsonRecord(),
      })
      .optional(),
  })
  .refine((r) => (r.inboxId === undefined) !== (r.inbox === undefined), {
    message: 'give either inboxId (an existing inbox) or inbox (a new one)',
  });
export type StartEmailOAuthRequest = z.input<typeof startEmailOAuthRequestSchema>;

/** Where to send the browser: the provider's consent page, valid until `expiresAt`. */
export interface EmailOAuthStartDto {
  authorizationUrl: string;
  expiresAt: IsoDateTime;
}

/**
 * POST /api/email-oauth/callback (admin, the one who started): what the provider put on the
 * redirect URI (PUBLIC_URL/oauth/email/callback), passed on by the SPA page it lands on.
 */
export const completeEmailOAuthRequestSchema = z.object({
  state: safeText().min(1).max(200),
  code: safeText().min(1).max(4096).optional(),
  error: safeText().min(1).max(200).optional(),
  errorDescription: safeText().max(2000).optional(),
});
export type CompleteEmailOAuthRequest = z.input<typeof completeEmailOAuthRequestSchema>;

/** How an email inbox logs in to its mailbox (shown in its settings; never the secrets). */
export type EmailConnectionDto =
  { method: 'password' } | { method: 'oauth'; provider: EmailOAuthProvider; account: string };
