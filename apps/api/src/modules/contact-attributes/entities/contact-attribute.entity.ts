import type { ContactAttributeType } from '@switchboard/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * An admin-defined field of every contact of the account ("plan", "renewal date"). The values
 * live on the contact (`contacts.attributes`, by key), so the feed filters them with one index.
 */
@Entity('contact_attributes')
@Unique(['accountId', 'key'])
@Check('contact_attributes_type_check', `type IN ('text', 'number', 'date', 'boolean', 'list')`)
export class ContactAttributeEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The stable machine name: the key of the values, the CSV column, the feed's `attr=key:…`. */
  @Column('text')
  key!: string;

  @Column('text')
  label!: string;

  @Column('text')
  type!: ContactAttributeType;

  /** The choices of a `list` attribute. */
  @Column('jsonb', { default: [] })
  options!: string[];

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
