import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../../modules/accounts/entities/account.entity';

/** The last cursor handed out in an account's stream (see EventsRepository.sequence). */
@Entity('account_event_heads')
export class AccountEventHeadEntity {
  @PrimaryColumn('uuid')
  accountId!: string;

  @OneToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  // bigint comes back from pg as a string; cursors stay far below 2^53.
  @Column('bigint', { default: 0 })
  cursor!: string;
}
