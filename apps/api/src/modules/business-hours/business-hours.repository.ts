import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BusinessHours } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { InboxEntity } from '../inboxes/entities/inbox.entity';

/** The `business_hours` of inboxes. */
@Injectable()
export class BusinessHoursRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A live inbox of the account with its schedule; null when there is none. */
  async find(
    accountId: string,
    inboxId: string,
  ): Promise<Pick<InboxEntity, 'id' | 'name' | 'businessHours'> | null> {
    const inbox = await this.ds.getRepository(InboxEntity).findOne({
      select: { id: true, name: true, businessHours: true, removedAt: true },
      where: { accountId, id: inboxId },
    });
    return inbox && !inbox.removedAt ? inbox : null;
  }

  async set(inboxId: string, hours: BusinessHours | null): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(InboxEntity)
      .set({ businessHours: hours })
      .where('id = :inboxId', { inboxId })
      .updateEntity(false)
      .execute();
  }
}
