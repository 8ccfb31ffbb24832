import type { EmailConnectionDto } from './email-oauth';

/** GET /api/inboxes/:id/email-sync: what the inbox settings show about an email inbox's sync. */
export interface EmailSyncStatusDto {
  status: string;
  mailbox: string | null;
  lastUid: number;
  history: { total: number; done: number; completed: boolean };
  lastError: string | null;
  lastErrorAt: string | null;
  lastSyncedAt: string | null;
  /** How the inbox logs in: passwords, or OAuth with a provider as an account. */
  connection?: EmailConnectionDto;
  /** Messages that could not be stored, newest first, with the reason. */
  log: Array<{
    uid: number | null;
    messageId: string | null;
    action: string;
    reason: string;
    at: string;
  }>;
}
