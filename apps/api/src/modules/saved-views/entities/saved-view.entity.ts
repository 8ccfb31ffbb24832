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
 * A named feed query. Personal views are their owner's alone; shared ones show for the whole
 * account (their owner and admins change them). The query is the feed's own query object, so a
 * filter the feed learns later is saved without a schema change.
 */
@Entity('saved_views')
@Check('saved_views_name_check', `char_length(name) BETWEEN 1 AND 80`)
@Check('saved_views_query_check', `jsonb_typeof(query) = 'object'`)
// Names compare in any case, which TypeORM cannot declare; the migration creates:
//   UNIQUE (owner_operator_id, lower(name))
@Index('saved_views_owner_name_key', { synchronize: false })
//   UNIQUE (account_id, lower(name)) WHERE shared — also the index of the account's shared views
@Index('saved_views_shared_name_key', { synchronize: false })
export class SavedViewEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  ownerOperatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  ownerOperator?: OperatorEntity;

  @Column('text')
  name!: string;

  @Column('boolean', { default: false })
  shared!: boolean;

  /** The feed query as `savedViewQuerySchema` parsed it. */
  @Column('jsonb')
  query!: Record<string, unknown>;

  @Column('boolean', { default: true })
  pinned!: boolean;

  /** Sidebar order, ascending. */
  @Column('integer', { default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
