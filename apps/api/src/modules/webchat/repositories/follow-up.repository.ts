import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebchatFollowUpEntity } from '../entities/webchat-follow-up.entity';

export type FollowUpState = WebchatFollowUpEntity['state'];

/**
 * The follow-up emails, one per operator message, claimed before they are sent: a crash or a
 * redelivered job finds the claim and never emails twice by itself.
 */
@Injectable()
export class FollowUpRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Claims the email for this message: true when this caller may send it now. A first claim
   * inserts a `sending` row; a `failed` one (it did not go out) may be taken again; a `sending`
   * (an attempt that never finished) or `uncertain` one only when `deliberate`.
   */
  async claim(
    messageKey: string,
    inboxId: string,
    sentTo: string,
    deliberate: boolean,
  ): Promise<boolean> {
    const inserted = await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatFollowUpEntity)
      .values({ messageKey, inboxId, sentTo, state: 'sending' })
      .orIgnore()
      .returning('message_key')
      .updateEntity(false)
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return true;
    const retaken: FollowUpState[] = deliberate ? ['failed', 'sending', 'uncertain'] : ['failed'];
    const result = await this.ds
      .createQueryBuilder()
      .update(WebchatFollowUpEntity)
      .set({ state: 'sending', sentTo, failureReason: null })
      .where('message_key = :messageKey AND state IN (:...retaken)', { messageKey, retaken })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async stateOf(messageKey: string): Promise<FollowUpState | null> {
    const row = await this.ds
      .getRepository(WebchatFollowUpEntity)
      .findOne({ select: { state: true }, where: { messageKey } });
    return row?.state ?? null;
  }

  /** Ends a claimed email: sent, failed (did not go out) or uncertain (may have). */
  async settle(
    messageKey: string,
    state: Exclude<FollowUpState, 'sending'>,
    failureReason: string | null = null,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(WebchatFollowUpEntity)
      .set({ state, failureReason })
      .where(`message_key = :messageKey AND state = 'sending'`, { messageKey })
      .execute();
  }
}
