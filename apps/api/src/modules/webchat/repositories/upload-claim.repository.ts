import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebchatUploadClaimEntity } from '../entities/webchat-upload-claim.entity';

export interface UploadKey {
  inboxId: string;
  visitorKey: string;
  clientMessageId: string;
}

/** Which widget uploads are being stored right now, by client message id. */
@Injectable()
export class UploadClaimRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Claims the upload; true for exactly one caller. A claim older than `staleAfterSeconds` (its
   * request died) is taken over, by one caller only: the update re-checks the age under the lock.
   */
  async claim(key: UploadKey, staleAfterSeconds: number): Promise<boolean> {
    const inserted = await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatUploadClaimEntity)
      .values(key)
      .orIgnore()
      .returning('client_message_id')
      .updateEntity(false)
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return true;
    const taken = await this.ds
      .createQueryBuilder()
      .update(WebchatUploadClaimEntity)
      .set({ claimedAt: () => 'now()' })
      .where(this.matches(key))
      .andWhere('claimed_at < now() - make_interval(secs => :staleAfterSeconds)', {
        staleAfterSeconds,
      })
      .returning('client_message_id')
      .execute();
    return (taken.raw as unknown[]).length > 0;
  }

  /** Whether an attempt is storing this upload right now. */
  isHeld(key: UploadKey): Promise<boolean> {
    return this.ds.getRepository(WebchatUploadClaimEntity).existsBy(this.matches(key));
  }

  async release(key: UploadKey): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatUploadClaimEntity)
      .where(this.matches(key))
      .execute();
  }

  async deleteOlderThan(seconds: number): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatUploadClaimEntity)
      .where('claimed_at < now() - make_interval(secs => :seconds)', { seconds })
      .execute();
  }

  private matches(key: UploadKey) {
    return {
      inboxId: key.inboxId,
      visitorKey: key.visitorKey,
      clientMessageId: key.clientMessageId,
    };
  }
}
