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
import { MessageEntity } from '../../messages/entities/message.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';
import { KbCategoryEntity } from './kb-category.entity';

/** One article, whatever its languages: each language is a KbArticleVersionEntity. */
@Entity('kb_articles')
@Index('kb_articles_category_idx', ['categoryId'])
export class KbArticleEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => KbCategoryEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  category?: KbCategoryEntity;

  /** The conversation answer this article was drafted from, if any. */
  @Column('uuid', { nullable: true })
  sourceMessageId!: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  sourceMessage?: MessageEntity;

  @Column('uuid', { nullable: true })
  createdById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy?: OperatorEntity;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
