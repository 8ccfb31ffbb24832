import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KbArticleFeedbackEntity } from '../entities/kb-article-feedback.entity';

export interface KbVotes {
  helpful: number;
  unhelpful: number;
}

/** "Was this helpful?" votes: one per reader and version, the latest vote counting. */
@Injectable()
export class KbFeedbackRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async vote(
    accountId: string,
    versionId: string,
    readerKey: string,
    helpful: boolean,
  ): Promise<void> {
    // raw SQL: INSERT … ON CONFLICT DO UPDATE, so a repeated or changed vote stays one row.
    await this.ds.query(
      `INSERT INTO kb_article_feedback (account_id, version_id, reader_key, helpful)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (version_id, reader_key) DO UPDATE SET helpful = EXCLUDED.helpful`,
      [accountId, versionId, readerKey, helpful],
    );
  }

  /** Votes per version id (versions without votes are absent). */
  async votes(versionIds: string[]): Promise<Map<string, KbVotes>> {
    if (versionIds.length === 0) return new Map();
    const rows = await this.ds
      .createQueryBuilder(KbArticleFeedbackEntity, 'f')
      .select('f.version_id', 'versionId')
      .addSelect('count(*) FILTER (WHERE f.helpful)::int', 'helpful')
      .addSelect('count(*) FILTER (WHERE NOT f.helpful)::int', 'unhelpful')
      .where('f.version_id IN (:...versionIds)', { versionIds })
      .groupBy('f.version_id')
      .getRawMany<{ versionId: string; helpful: number; unhelpful: number }>();
    return new Map(rows.map((r) => [r.versionId, { helpful: r.helpful, unhelpful: r.unhelpful }]));
  }
}
