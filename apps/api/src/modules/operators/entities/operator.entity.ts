import type { OperatorRole, PresenceStatus } from '@switchboard/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

@Entity('operators')
@Check('operators_role_check', `role IN ('admin', 'agent')`)
@Check('operators_presence_check', `presence IN ('online', 'away')`)
// UNIQUE (lower(email)): an expression index, which TypeORM cannot describe; kept by the migration.
@Index('operators_email_key', { synchronize: false })
@Index('operators_account_idx', ['accountId'])
export class OperatorEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text')
  passwordHash!: string;

  @Column('text')
  role!: OperatorRole;

  @Column('text', { default: 'UTC' })
  timezone!: string;

  @Column('text', { default: 'en' })
  locale!: string;

  @Column('text', { default: 'online' })
  presence!: PresenceStatus;

  /** An image URL the operator chose; null shows their initials. */
  @Column('text', { nullable: true })
  avatarUrl!: string | null;

  /** Set while an admin has deactivated them: no sign-in, no session; their history stays. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt!: Date | null;

  /** Their email signature, placeholders kept (filled in when a reply is sent); '' for none. */
  @Column('text', { default: '' })
  emailSignature!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
