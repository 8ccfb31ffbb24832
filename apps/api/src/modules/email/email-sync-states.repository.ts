import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type QueryDeepPartialEntity } from 'typeorm';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { EmailSyncStateEntity, type EmailSyncStatus } from './entities/email-sync-state.entity';

/** An email inbox as the sync sees it: `updatedAt` tells it when to restart with new settings. */
export type SyncedInbox = Pick<InboxEntity, 'id' | 'accountId' | 'updatedAt'>;

/**
 * How far each email inbox's mailbox was read (`email_sync_states`). Every UPDATE also sets
 * `updated_at` (the query builder does so for the entity's `@UpdateDateColumn`).
 */
@Injectable()
export class EmailSyncStatesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The email inboxes to run a sync for: neither removed nor paused. */
  listSyncedInboxes(): Promise<SyncedInbox[]> {
    return this.ds.getRepository(InboxEntity).find({
      select: { id: true, accountId: true, updatedAt: true },
      where: { kind: 'email', removedAt: IsNull(), pausedAt: IsNull() },
    });
  }

  /** The inbox's state, created on first use; a different mailbox starts over in its UID space. */
  async load(inboxId: string, mailbox: string): Promise<EmailSyncStateEntity> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(EmailSyncStateEntity, ['inboxId', 'mailbox'])
      .values({ inboxId, mailbox })
      // No column to overwrite: ON CONFLICT (inbox_id) DO NOTHING.
      .orUpdate([], ['inbox_id'])
      .updateEntity(false)
      .execute();
    const state = await this.find(inboxId);
    if (!state) throw new Error(`email sync state for ${inboxId} vanished`);
    // Another mailbox is another UID space: start over (seen Message-IDs still prevent duplicates).
    if (state.mailbox !== mailbox) {
      await this.update(inboxId, { mailbox, uidvalidity: null, lastUid: '0' });
      return { ...state, mailbox, uidvalidity: null, lastUid: '0' };
    }
    return state;
  }

  find(inboxId: string): Promise<EmailSyncStateEntity | null> {
    return this.ds.getRepository(EmailSyncStateEntity).findOneBy({ inboxId });
  }

  /** A new UID space: forget the old UIDs, keep the history window. */
  async resetUidSpace(inboxId: string, uidValidity: bigint, historySince: Date): Promise<void> {
    await this.update(
      inboxId,
      {
        uidvalidity: uidValidity.toString(),
        lastUid: '0',
        historySince: () => 'COALESCE(history_since, :historySince)',
      },
      { historySince },
    );
  }

  /** First connect without history import: start after the newest message. */
  async startAt(inboxId: string, uidValidity: bigint, lastUid: number): Promise<void> {
    await this.update(inboxId, {
      uidvalidity: uidValidity.toString(),
      lastUid: String(lastUid),
      historySince: () => 'now()',
      historyCompletedAt: () => 'now()',
    });
  }

  /** Called only after the message's ingest committed: a crash before this re-fetches, never skips. */
  async advance(inboxId: string, uid: number, importing: boolean): Promise<void> {
    await this.update(
      inboxId,
      {
        lastUid: () => 'GREATEST(last_uid, :uid)',
        lastSyncedAt: () => 'now()',
        ...(importing ? { historyDone: () => 'history_done + 1' } : {}),
      },
      { uid },
    );
  }

  async startImport(inboxId: string, total: number): Promise<void> {
    await this.update(
      inboxId,
      { status: 'importing', historyTotal: () => 'history_done + :total' },
      { total },
    );
  }

  async finishImport(inboxId: string): Promise<void> {
    await this.update(inboxId, {
      historyCompletedAt: () => 'COALESCE(history_completed_at, now())',
    });
  }

  /**
   * The sync's status; an error also records its message and time. Connected again (idle or
   * polling), the error is over and is cleared, so the settings never show a stale one.
   */
  async setStatus(inboxId: string, status: EmailSyncStatus, error?: string): Promise<void> {
    const connected = status === 'idle' || status === 'polling';
    await this.update(
      inboxId,
      error !== undefined
        ? { status, lastError: error, lastErrorAt: () => 'now()' }
        : connected
          ? { status, lastError: null, lastErrorAt: null }
          : { status },
    );
  }

  /** One UPDATE of the inbox's row; `set` may hold SQL expressions using `parameters`. */
  private async update(
    inboxId: string,
    set: QueryDeepPartialEntity<EmailSyncStateEntity>,
    parameters: Record<string, unknown> = {},
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(EmailSyncStateEntity)
      .set(set)
      .where({ inboxId })
      .setParameters(parameters)
      .execute();
  }
}
