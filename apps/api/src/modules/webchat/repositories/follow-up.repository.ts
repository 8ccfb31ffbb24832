import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebchatFollowUpEntity } from '../entities/webchat-follow-up.entity';

/** The follow-up emails sent, one per operator message. */
@Injectable()
export class FollowUpRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async isSent(messageKey: string): Promise<boolean> {
    return this.ds.getRepository(WebchatFollowUpEntity).existsBy({ messageKey });
  }

  /** Records the email; a concurrent record of the same message is kept as it is. */
  async recordSent(messageKey: string, inboxId: string, sentTo: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatFollowUpEntity)
      .values({ messageKey, inboxId, sentTo })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}
