import { z } from 'zod';
import type { OperatorDto } from './dtos';

/**
 * A browser session (POST /api/auth/login with `session: "cookie"`, GET /api/auth/session): the
 * session token itself travels only in an HttpOnly cookie; `csrfToken` goes back in the
 * X-CSRF-Token header of every unsafe request and in the socket handshake.
 */
export interface SessionDto {
  operator: OperatorDto;
  csrfToken: string;
  expiresAt: string;
}

/** Echoes SessionDto.csrfToken on cookie-authenticated POST, PUT, PATCH and DELETE. */
export const CSRF_HEADER = 'X-CSRF-Token';

export const MIN_PASSWORD_LENGTH = 10;

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(1024),
  })
  .refine((b) => b.currentPassword !== b.newPassword, {
    path: ['newPassword'],
    message: 'must differ from the current password',
  });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** POST /api/files/:id/link: a download link that works without a session until `expiresAt`. */
export interface FileLinkDto {
  url: string;
  expiresAt: string;
}
