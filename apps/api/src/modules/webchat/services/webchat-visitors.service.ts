import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../../core/database/sql-rows';

export interface WebchatVisitorRow {
  email: string | null;
  page_url: string | null;
}

/**
 * The follow-up address and last page of a visitor. The address is the visitor's own claim, so it
 * is kept here for the "email me the answer" note and never merged into a contact card.
 */
@Injectable()
export class WebchatVisitorsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(inboxId: string, visitorKey: string): Promise<WebchatVisitorRow | null> {
    return queryOne<WebchatVisitorRow>(
      this.ds.manager,
      'SELECT email, page_url FROM webchat_visitors WHERE inbox_id = $1 AND visitor_key = $2',
      [inboxId, visitorKey],
    );
  }

  async saveEmail(
    inboxId: string,
    visitorKey: string,
    email: string,
    pageUrl: string | null,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO webchat_visitors (inbox_id, visitor_key, email, page_url) VALUES ($1, $2, $3, $4)
       ON CONFLICT (inbox_id, visitor_key) DO UPDATE
         SET email = EXCLUDED.email, page_url = COALESCE(EXCLUDED.page_url, webchat_visitors.page_url), updated_at = now()`,
      [inboxId, visitorKey, email, pageUrl],
    );
  }

  async touchPage(inboxId: string, visitorKey: string, pageUrl: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO webchat_visitors (inbox_id, visitor_key, page_url) VALUES ($1, $2, $3)
       ON CONFLICT (inbox_id, visitor_key) DO UPDATE SET page_url = EXCLUDED.page_url, updated_at = now()
       WHERE webchat_visitors.page_url IS DISTINCT FROM EXCLUDED.page_url`,
      [inboxId, visitorKey, pageUrl],
    );
  }
}
