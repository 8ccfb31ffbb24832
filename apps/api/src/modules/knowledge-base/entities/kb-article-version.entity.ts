import type { KbArticleStatus, KbLocale } from '@switchboard/contracts';
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
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';
import { KbArticleEntity } from './kb-article.entity';

/**
 * An article in one language: its own title, slug, body and status, so each translation is
 * published when it is ready. `bodyHtml` is stored sanitised; `bodyText` is its plain text for
 * search (`kb_article_versions_search_idx`, created by the migration) and snippets.
 */
@Entity('kb_article_versions')
@Unique(['articleId', 'locale'])
@Unique(['accountId', 'locale', 'slug'])
@Check('kb_article_versions_locale_check', `locale IN ('en', 'ru', 'bg', 'ar')`)
@Check('kb_article_versions_status_check', `status IN ('draft', 'published')`)
@Index('kb_article_versions_search_idx', { synchronize: false })
export class KbArticleVersionEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  articleId!: string;

  @ManyToOne(() => KbArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  article?: KbArticleEntity;

  @Column('text')
  locale!: KbLocale;

  @Column('text')
  title!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  bodyHtml!: string;

  @Column('text')
  bodyText!: string;

  @Column('text', { default: 'draft' })
  status!: KbArticleStatus;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  updatedBy?: OperatorEntity;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
