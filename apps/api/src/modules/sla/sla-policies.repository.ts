import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';

export type SlaPolicyFields = Omit<
  SlaPolicyEntity,
  'id' | 'account' | 'inbox' | 'createdAt' | 'updatedAt'
>;

/** Whether an insert or update broke the one-policy-per-(inbox, priority) index. */
export function isDuplicatePolicy(err: unknown): boolean {
  const driver = (err as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === 'sla_policies_inbox_priority_key';
}

/** SLA policies of an account (admins edit them in settings). */
@Injectable()
export class SlaPoliciesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(accountId: string): Promise<SlaPolicyEntity[]> {
    return this.ds.getRepository(SlaPolicyEntity).find({
      where: { accountId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  find(accountId: string, id: string): Promise<SlaPolicyEntity | null> {
    return this.ds.getRepository(SlaPolicyEntity).findOne({ where: { accountId, id } });
  }

  /** A live (not removed) inbox of the account. */
  async inboxExists(accountId: string, inboxId: string): Promise<boolean> {
    const inbox = await this.ds
      .getRepository(InboxEntity)
      .findOne({ select: { id: true, removedAt: true }, where: { accountId, id: inboxId } });
    return Boolean(inbox && !inbox.removedAt);
  }

  async insert(fields: SlaPolicyFields): Promise<SlaPolicyEntity> {
    return this.ds
      .getRepository(SlaPolicyEntity)
      .save(this.ds.getRepository(SlaPolicyEntity).create(fields));
  }

  async update(id: string, fields: Partial<SlaPolicyFields>): Promise<void> {
    await this.ds.getRepository(SlaPolicyEntity).update({ id }, fields);
  }

  async remove(id: string): Promise<void> {
    await this.ds.getRepository(SlaPolicyEntity).delete({ id });
  }
}
