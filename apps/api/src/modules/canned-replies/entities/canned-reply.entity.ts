import type { CannedReplyScope } from '@switchboard/contracts';
import {
  Check,
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
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * A prepared answer an operator inserts with `/shortcut`. Shared ones belong to the account
 * (admins manage them); personal ones to their owner, and go with them.
 */
@Entity('canned_replies')
@Check('canned_replies_scope_check', `scope IN ('shared', 'personal')`)
@Check('canned_replies_owner_check', `(scope = 'personal') = (owner_operator_id IS NOT NULL)`)
// A shortcut is unique within its scope: once per account for shared, once per owner for personal.
@Index('canned_replies_shared_shortcut_key', ['accountId', 'shortcut'], {
  unique: true,
  where: `scope = 'shared'`,
})
@Index('canned_replies_personal_shortcut_key', ['ownerOperatorId', 'shortcut'], {
  unique: true,
  where: `scope = 'personal'`,
})
export class CannedReplyEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  scope!: CannedReplyScope;

  @Column('uuid', { nullable: true })
  ownerOperatorId!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  ownerOperator?: OperatorEntity | null;

  @Column('text')
  title!: string;

  /** Stored lower-case: `/Refund` and `/refund` are the same shortcut. */
  @Column('text')
  shortcut!: string;

  @Column('text')
  body!: string;

  /** Files from POST /api/files, attached again each time the reply is inserted. */
  @Column('uuid', { array: true, default: [] })
  attachmentIds!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
