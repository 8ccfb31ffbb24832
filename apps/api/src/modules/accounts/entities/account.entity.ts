import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A tenant: every other row belongs to exactly one account. Conversation numbers come from a
 * sequence per account (`conversation_numbers_<hex>`, see AccountsRepository), created with it.
 */
@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** IANA timezone: report buckets are its local days. */
  @Column('text', { default: 'UTC' })
  timezone!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
