import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { AccountEntity } from './account.entity';

/** A tenant's row: it names its account and is deleted with it. Entities extend this. */
export abstract class AccountOwnedEntity {
  @Column('uuid')
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;
}
