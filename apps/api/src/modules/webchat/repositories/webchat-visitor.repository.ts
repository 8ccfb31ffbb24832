import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebchatVisitorEntity } from '../entities/webchat-visitor.entity';

export type WebchatVisitorContact = Pick<WebchatVisitorEntity, 'email' | 'pageUrl'>;

/**
 * The follow-up address and last page of a visitor. The address is the visitor's own claim, so it
 * is kept here for the "email me the answer" note and never merged into a contact card.
 */
@Injectable()
export class WebchatVisitorRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findContact(inboxId: string, visitorKey: string): Promise<WebchatVisitorContact | null> {
    return this.ds.getRepository(WebchatVisitorEntity).findOne({
      select: { inboxId: true, visitorKey: true, email: true, pageUrl: true },
      where: { inboxId, visitorKey },
    });
  }

  /** Stores the address; the page is replaced only when one is given (updated_at follows). */
  async saveEmail(
    inboxId: string,
    visitorKey: string,
    email: string,
    pageUrl: string | null,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatVisitorEntity)
      .values({ inboxId, visitorKey, email, pageUrl })
      .orUpdate(pageUrl === null ? ['email'] : ['email', 'page_url'], ['inbox_id', 'visitor_key'])
      .updateEntity(false)
      .execute();
  }

  /** The page the visitor writes from; an unchanged page writes nothing (every message calls this). */
  async touchPage(inboxId: string, visitorKey: string, pageUrl: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatVisitorEntity)
      .values({ inboxId, visitorKey, pageUrl })
      .orUpdate(['page_url'], ['inbox_id', 'visitor_key'], { skipUpdateIfNoValuesChanged: true })
      .updateEntity(false)
      .execute();
  }
}
