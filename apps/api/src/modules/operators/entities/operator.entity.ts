import type { OperatorRole, PresenceStatus } from '@switchboard/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

@Entity('operators')
@Check('operators_role_check', `role IN ('admin', 'agent')`)
@Check('operators_presence_check', `presence IN ('online', 'away')`)
@Check('operators_undo_send_seconds_check', `undo_send_seconds BETWEEN 0 AND 30`)
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

  /** A BCP 47 tag the operator chose; null follows their browser's language. */
  @Column('text', { nullable: true })
  locale!: string | null;

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

  /** How long a reply waits for Undo before it leaves; null: the server's UNDO_SEND_DEFAULT_SECONDS. */
  @Column('smallint', { nullable: true })
  undoSendSeconds!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
