import { z } from 'zod';

/** `PUT /api/portal-settings`: the inbox New requests from the customer portal go to. */
export const updatePortalSettingsRequestSchema = z.object({
  /** An email or API inbox of the account; null files requests in the default inbox. */
  targetInboxId: z.uuid().nullable(),
});
export type UpdatePortalSettingsRequest = z.infer<typeof updatePortalSettingsRequestSchema>;

export interface PortalSettingsDto {
  /** The admin's choice; null when the default applies. */
  targetInboxId: string | null;
  /** Where New requests actually go now (the choice, else the first email, else API inbox). */
  effectiveInboxId: string | null;
  /** The portal's sign-in page, relative to the server (`/portal/<accountId>/sign-in`). */
  signInPath: string;
}
