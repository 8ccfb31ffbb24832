import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  EmailSyncLogEntryEntity,
  type EmailSyncLogAction,
} from './entities/email-sync-log-entry.entity';

/** Reasons are shown in the settings page; a stack trace or a whole message stays out. */
const MAX_REASON_LENGTH = 2000;

/** Messages the sync could not store as-is (`email_sync_log`), shown in the inbox's settings. */
@Injectable()
export class EmailSyncLogRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async add(
    inboxId: string,
    entry: { uid?: number; messageId?: string | null; action: EmailSyncLogAction; reason: string },
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(EmailSyncLogEntryEntity, ['inboxId', 'uid', 'messageId', 'action', 'reason'])
      .values({
        inboxId,
        uid: entry.uid == null ? null : String(entry.uid),
        messageId: entry.messageId ?? null,
        action: entry.action,
        reason: entry.reason.slice(0, MAX_REASON_LENGTH),
      })
      .updateEntity(false)
      .execute();
  }

  /** The newest entries first. */
  listRecent(inboxId: string, limit = 50): Promise<EmailSyncLogEntryEntity[]> {
    return this.ds.getRepository(EmailSyncLogEntryEntity).find({
      select: { id: true, uid: true, messageId: true, action: true, reason: true, createdAt: true },
      where: { inboxId },
      order: { id: 'DESC' },
      take: limit,
    });
  }
}
