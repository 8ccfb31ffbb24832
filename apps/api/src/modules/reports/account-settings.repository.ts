import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';

/** The account row's own settings (its timezone). */
@Injectable()
export class AccountSettingsRepository {
  find(em: EntityManager, accountId: string): Promise<AccountEntity | null> {
    return em.getRepository(AccountEntity).findOne({
      where: { id: accountId },
      lock: em.queryRunner?.isTransactionActive ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  async setTimezone(em: EntityManager, accountId: string, timezone: string): Promise<void> {
    await em.getRepository(AccountEntity).update({ id: accountId }, { timezone });
  }
}
