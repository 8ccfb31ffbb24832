import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A tenant: every other row belongs to exactly one account. Conversation numbers come from a
 * sequence per account (`conversation_numbers_<hex>`, see AccountsRepository), created with it.
 */
@Entity('accounts')
@Check('accounts_help_centre_color_check', `help_centre_color ~ '^#[0-9a-f]{6}$'`)
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** IANA timezone: report buckets are its local days. */
  @Column('text', { default: 'UTC' })
  timezone!: string;

  /** The public help centre's logo (an https address) and brand colour (#rrggbb). */
  @Column('text', { nullable: true })
  helpCentreLogoUrl!: string | null;

  @Column('text', { nullable: true })
  helpCentreColor!: string | null;

  /** Where the customer portal files New requests; null: the default (docs/portal.md). */
  @Column('uuid', { nullable: true })
  portalInboxId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
