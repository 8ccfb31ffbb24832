import { z } from 'zod';
import { safeText } from './safe-text';

/** `GET /api/account`: the account's own settings (every operator reads them). */
export interface AccountDto {
  id: string;
  name: string;
  /** IANA timezone; report buckets are local days of it. */
  timezone: string;
}

/**
 * `PATCH /api/account` (admins, audited). A zone the server does not know is 422
 * `INVALID_TIMEZONE`, nothing stored.
 */
export const updateAccountRequestSchema = z
  .object({ timezone: safeText().min(1).max(64) })
  .strict();
export type UpdateAccountRequest = z.output<typeof updateAccountRequestSchema>;
