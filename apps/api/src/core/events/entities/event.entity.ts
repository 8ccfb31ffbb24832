import type { StreamEvent } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../../modules/accounts/entities/account-owned.entity';

/**
 * One entry of an account's conversation stream. Written without a cursor by the change's own
 * transaction and numbered right after commit, so cursors are gap-free in commit order.
 */
@Entity('events')
@Unique('events_account_cursor_key', ['accountId', 'cursor'])
@Index('events_pending_idx', ['accountId', 'id'], { where: 'cursor IS NULL' })
@Index('events_created_idx', ['createdAt'])
export class EventEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('bigint', { nullable: true })
  cursor!: string | null;

  @Column('text')
  type!: StreamEvent['type'];

  // No foreign key: the log outlives a deleted conversation until it is pruned.
  @Column('uuid', { nullable: true })
  conversationId!: string | null;

  @Column('jsonb')
  payload!: StreamEvent['payload'];

  /** The automation rule whose action caused it (no key: rules may be deleted before it is pruned). */
  @Column('uuid', { nullable: true })
  originRuleId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
