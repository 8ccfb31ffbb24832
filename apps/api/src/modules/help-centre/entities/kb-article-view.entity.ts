import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { KbArticleVersionEntity } from '../../knowledge-base/entities/kb-article-version.entity';

/**
 * A web chat visitor opened an article in the widget. Kept by the visitor's identity key on the
 * inbox (`visitor:<id>`), which exists before their contact does, so reads before the first
 * message are shown to the operator once they write.
 */
@Entity('kb_article_views')
@Index('kb_article_views_visitor_idx', ['inboxId', 'visitorKey', 'viewedAt'])
export class KbArticleViewEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  visitorKey!: string;

  @Column('uuid')
  versionId!: string;

  @ManyToOne(() => KbArticleVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  version?: KbArticleVersionEntity;

  @Column('timestamptz', { default: () => 'now()' })
  viewedAt!: Date;
}
