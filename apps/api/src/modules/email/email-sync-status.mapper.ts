import type { EmailSyncStatusDto } from '@switchboard/contracts';
import type { EmailSyncLogEntryEntity } from './entities/email-sync-log-entry.entity';
import type { EmailSyncStateEntity } from './entities/email-sync-state.entity';

/**
 * The settings page's view of a sync: its state (none yet before the first connect) and log. A
 * paused inbox has no sync running, whatever its last one wrote: it shows `paused`.
 */
export function toEmailSyncStatusDto(
  state: EmailSyncStateEntity | null,
  log: EmailSyncLogEntryEntity[],
  paused = false,
): EmailSyncStatusDto {
  return {
    status: paused ? 'paused' : (state?.status ?? 'connecting'),
    mailbox: state?.mailbox ?? null,
    lastUid: Number(state?.lastUid ?? 0),
    history: {
      total: state?.historyTotal ?? 0,
      done: state?.historyDone ?? 0,
      completed: state?.historyCompletedAt != null,
    },
    lastError: state?.lastError ?? null,
    lastErrorAt: state?.lastErrorAt?.toISOString() ?? null,
    lastSyncedAt: state?.lastSyncedAt?.toISOString() ?? null,
    log: log.map((entry) => ({
      uid: entry.uid === null ? null : Number(entry.uid),
      messageId: entry.messageId,
      action: entry.action,
      reason: entry.reason,
      at: entry.createdAt.toISOString(),
    })),
  };
}
