import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { KbArticleVersionEntity } from './kb-article-version.entity';

/** "Was this helpful?": one vote per reader (a hashed, anonymous key) and article version. */
@Entity('kb_article_feedback')
@Unique(['versionId', 'readerKey'])
export class KbArticleFeedbackEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  versionId!: string;

  @ManyToOne(() => KbArticleVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  version?: KbArticleVersionEntity;

  @Column('text')
  readerKey!: string;

  @Column('boolean')
  helpful!: boolean;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
