import type { OperatorRole } from '@switchboard/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * A one-time link to join an account. Only the SHA-256 of its token is stored, so a leaked table
 * lets nobody in; `acceptedAt` makes it single-use.
 */
@Entity('operator_invitations')
@Check('operator_invitations_role_check', `role IN ('admin', 'agent')`)
@Unique('operator_invitations_token_hash_key', ['tokenHash'])
@Index('operator_invitations_account_idx', ['accountId'])
export class OperatorInvitationEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  role!: OperatorRole;

  @Column('bytea')
  tokenHash!: Buffer;

  @Column('uuid', { nullable: true })
  invitedById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  invitedBy?: OperatorEntity | null;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
