import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebchatVisitorEntity } from '../entities/webchat-visitor.entity';

export type WebchatVisitorContact = Pick<
  WebchatVisitorEntity,
  'email' | 'pendingEmail' | 'confirmationSentAt' | 'pageUrl'
>;

/** What confirming a pending address did. */
export type EmailConfirmation = 'confirmed' | 'already_confirmed' | 'address_replaced';

/**
 * The follow-up address and last page of a visitor. The address is the visitor's own claim, so it
 * is kept here for the "email me the answer" note and never merged into a contact card; it is used
 * only once confirmed (`email`), until then it is `pendingEmail`.
 */
@Injectable()
export class WebchatVisitorRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findContact(inboxId: string, visitorKey: string): Promise<WebchatVisitorContact | null> {
    return this.ds.getRepository(WebchatVisitorEntity).findOne({
      select: {
        inboxId: true,
        visitorKey: true,
        email: true,
        pendingEmail: true,
        confirmationSentAt: true,
        pageUrl: true,
      },
      where: { inboxId, visitorKey },
    });
  }

  /** The address the visitor confirmed by link; null while there is none. */
  async confirmedEmail(inboxId: string, visitorKey: string): Promise<string | null> {
    const row = await this.ds.getRepository(WebchatVisitorEntity).findOne({
      select: { inboxId: true, visitorKey: true, email: true },
      where: { inboxId, visitorKey },
    });
    return row?.email ?? null;
  }

  /**
   * Whether follow-ups may be mailed to this visitor (they confirmed an address), and, when
   * `email` is given, whether it is that confirmed address.
   */
  async isConfirmedFollowUpAddress(
    inboxId: string,
    visitorKey: string,
    email?: string,
  ): Promise<boolean> {
    const confirmed = await this.confirmedEmail(inboxId, visitorKey);
    if (confirmed === null) return false;
    return email === undefined || confirmed === email.trim().toLowerCase();
  }

  /**
   * Records an address waiting for confirmation (the confirmed one, if any, stays in use until
   * the new one is confirmed); the page is replaced only when one is given.
   */
  async savePendingEmail(
    inboxId: string,
    visitorKey: string,
    pendingEmail: string,
    pageUrl: string | null,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatVisitorEntity)
      .values({ inboxId, visitorKey, pendingEmail, pageUrl, confirmationSentAt: () => 'now()' })
      .orUpdate(
        pageUrl === null
          ? ['pending_email', 'confirmation_sent_at']
          : ['pending_email', 'confirmation_sent_at', 'page_url'],
        ['inbox_id', 'visitor_key'],
      )
      .updateEntity(false)
      .execute();
  }

  /** The visitor typed their confirmed address again: nothing is pending any more. */
  async clearPendingEmail(inboxId: string, visitorKey: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(WebchatVisitorEntity)
      .set({ pendingEmail: null })
      .where({ inboxId, visitorKey })
      .execute();
  }

  /**
   * Makes `email` the confirmed address if it is the one pending. A link for an address that was
   * replaced by another since confirms nothing.
   */
  async confirmEmail(
    inboxId: string,
    visitorKey: string,
    email: string,
  ): Promise<EmailConfirmation> {
    const updated = await this.ds
      .createQueryBuilder()
      .update(WebchatVisitorEntity)
      .set({ email, emailConfirmedAt: () => 'now()', pendingEmail: null })
      .where({ inboxId, visitorKey, pendingEmail: email })
      .execute();
    if ((updated.affected ?? 0) > 0) return 'confirmed';
    return (await this.confirmedEmail(inboxId, visitorKey)) === email
      ? 'already_confirmed'
      : 'address_replaced';
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
