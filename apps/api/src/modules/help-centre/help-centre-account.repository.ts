import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import type { HelpBranding } from './pages/help-layout';

export interface HelpCentreAccount extends HelpBranding {
  id: string;
}

/**
 * Whose help centre `/help` is, and its branding. A deployment has one account (created at first
 * start; see seed/first-start.service.ts), so the public help centre is the oldest account's.
 */
@Injectable()
export class HelpCentreAccountRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async deploymentAccount(): Promise<HelpCentreAccount | null> {
    const row = await this.ds
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .orderBy('a.createdAt')
      .addOrderBy('a.id')
      .limit(1)
      .getOne();
    return row ? toAccount(row) : null;
  }

  async byId(accountId: string): Promise<HelpCentreAccount | null> {
    const row = await this.ds.getRepository(AccountEntity).findOneBy({ id: accountId });
    return row ? toAccount(row) : null;
  }

  async updateBranding(
    accountId: string,
    branding: { logoUrl: string | null; color: string | null },
  ): Promise<void> {
    await this.ds
      .getRepository(AccountEntity)
      .update(
        { id: accountId },
        { helpCentreLogoUrl: branding.logoUrl, helpCentreColor: branding.color },
      );
  }
}

function toAccount(row: AccountEntity): HelpCentreAccount {
  return {
    id: row.id,
    name: row.name,
    logoUrl: row.helpCentreLogoUrl,
    color: row.helpCentreColor,
  };
}
