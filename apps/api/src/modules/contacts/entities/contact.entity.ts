import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** One person, whatever channels they write from (their handles are ContactIdentityEntity rows). */
@Entity('contacts')
// The same person on a phone channel (WhatsApp, SMS) joins their card by number.
@Index('contacts_account_phone_idx', ['accountId', 'phone'], { where: 'phone IS NOT NULL' })
// (account_id, lower(email)) WHERE email IS NOT NULL: an expression index, kept by the migration.
@Index('contacts_email_idx', { synchronize: false })
export class ContactEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
