import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';

// A fresh object per column: TypeORM writes the column's type into the options it is given.
const pkey = () => ({ primaryKeyConstraintName: 'report_conversation_tags_pkey' });

/**
 * A tag the `reports` consumer has seen on a conversation (from the summaries its events carry):
 * the conversation's facts count in that tag's cells. When the set changes, the facts move
 * between cells in the same transaction, so a tag's report counts its conversations' whole
 * history, as the facts joined with the current tags would. No foreign keys: it follows the
 * stream, not the live tables.
 */
@Entity('report_conversation_tags')
@Index('report_conversation_tags_tag_idx', ['tagId', 'conversationId'])
export class ReportConversationTagEntity {
  @PrimaryColumn('uuid', pkey())
  conversationId!: string;

  @PrimaryColumn('uuid', pkey())
  tagId!: string;

  @Column('uuid')
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;
}
