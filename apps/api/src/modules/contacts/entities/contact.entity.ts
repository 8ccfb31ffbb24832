import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
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
// GIN (attributes jsonb_path_ops): the feed's attribute filter (`attributes @> {"plan":"gold"}`).
@Index('contacts_attributes_idx', { synchronize: false })
// GIN trigram over lower(name || ' ' || email || ' ' || phone): the Contacts screen's search.
@Index('contacts_search_idx', { synchronize: false })
// (account_id, created_at DESC, id DESC): the Contacts screen's keyset pages.
@Index('contacts_account_created_idx', { synchronize: false })
// (account_id, sb_phone_key(phone)) WHERE phone IS NOT NULL AND merged_into_id IS NULL: merge
// suggestions by number whatever its spelling (contact merges migration).
@Index('contacts_phone_key_idx', { synchronize: false })
export class ContactEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  /** Free text the team keeps about the person. */
  @Column('text', { nullable: true })
  notes!: string | null;

  /** Custom attribute values by attribute key (definitions: ContactAttributeEntity). */
  @Column('jsonb', { default: {} })
  attributes!: Record<string, string | number | boolean>;

  /** Set when this contact was merged into another (retired: kept for undo, hidden from lists). */
  @Column('uuid', { nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  mergedInto?: ContactEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
