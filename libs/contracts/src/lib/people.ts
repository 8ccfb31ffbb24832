import { z } from 'zod';
import type { OperatorDto } from './dtos';
import { OPERATOR_ROLES, PRESENCE_STATUSES, type PresenceStatus } from './enums';
import { MIN_PASSWORD_LENGTH } from './auth';
import { cleanText, findUnsafeCharacter, safeText } from './safe-text';

/** An operator as the People screen shows them: OperatorDto plus status and presence. */
export interface TeamMemberDto extends OperatorDto {
  avatarUrl: string | null;
  presence: PresenceStatus;
  /** False once an admin deactivated them: no sign-in, no sessions, history kept. */
  active: boolean;
}

/** POST /api/invitations answers with the one-time link, shown to the admin (installs without mail). */
export interface InvitationDto {
  id: string;
  email: string;
  role: (typeof OPERATOR_ROLES)[number];
  expiresAt: string;
  acceptUrl: string;
}

/** What the accept page shows before the invitee chooses a name and password. */
export interface InvitationPreviewDto {
  email: string;
  role: (typeof OPERATOR_ROLES)[number];
  accountName: string;
  expiresAt: string;
}

export const INVITATION_TTL_DAYS = 7;

export const inviteOperatorRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  role: z.enum(OPERATOR_ROLES).default('agent'),
});
export type InviteOperatorRequest = z.infer<typeof inviteOperatorRequestSchema>;

/** The token travels in a body, never a URL the server would log. */
export const invitationTokenRequestSchema = z.object({
  token: z.string().min(20).max(200),
});
export type InvitationTokenRequest = z.infer<typeof invitationTokenRequestSchema>;

export const acceptInvitationRequestSchema = invitationTokenRequestSchema.extend({
  name: cleanText().trim().min(1).max(120),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
  /** As at login: `cookie` for the SPA, `bearer` for API clients. */
  session: z.enum(['bearer', 'cookie']).default('cookie'),
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;

export const setOperatorRoleRequestSchema = z.object({ role: z.enum(OPERATOR_ROLES) });
export type SetOperatorRoleRequest = z.infer<typeof setOperatorRoleRequestSchema>;

/** An IANA zone the runtime knows (`Europe/Sofia`, `UTC`). */
export function isIanaTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * A check that stays silent on text with a control character: safeText() already names that
 * character, and the answer must stay a 422 INVALID_CHARACTERS rather than a mixed 400.
 */
function unlessUnsafe(check: (value: string) => boolean): (value: string) => boolean {
  return (value) => findUnsafeCharacter(value) !== null || check(value);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** PATCH /api/operators/me: every field optional, at least one given. */
export const updateProfileRequestSchema = z
  .object({
    name: cleanText().trim().min(1).max(120),
    /** An http(s) image URL; null removes it. */
    avatarUrl: safeText()
      .trim()
      .max(2000)
      .refine(unlessUnsafe(isHttpUrl), 'must be an http(s) URL')
      .nullable(),
    timezone: safeText()
      .max(64)
      .refine(unlessUnsafe(isIanaTimezone), 'must be an IANA time zone such as Europe/Sofia'),
    locale: safeText()
      .max(16)
      .refine(
        unlessUnsafe((l) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l)),
        'must be a language tag such as en or pt-BR',
      )
      .nullable(),
    presence: z.enum(PRESENCE_STATUSES),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;
