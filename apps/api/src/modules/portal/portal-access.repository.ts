import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { PortalSessionEntity } from './entities/portal-session.entity';
import { PortalSignInLinkEntity } from './entities/portal-sign-in-link.entity';

export interface NewSignInLink {
  accountId: string;
  emailHash: Buffer;
  ip: string;
  contactIds: string[];
  tokenHash: Buffer;
  expiresAt: Date;
}

export interface PortalSessionRow {
  id: string;
  accountId: string;
  contactIds: string[];
  expiresAt: Date;
}

/** Sign-in links, their rate limits, and portal sessions. */
@Injectable()
export class PortalAccessRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The contacts whose address is verified as `email`: it wrote to an email inbox from it, or a
   * widget visitor confirmed it by link. A merged contact answers as the one it was merged into.
   */
  async verifiedContacts(accountId: string, email: string): Promise<string[]> {
    // raw SQL: an EXISTS across identities, inboxes and widget visitors, lower-cased addresses
    const rows = (await this.ds.query(
      `SELECT DISTINCT COALESCE(c.merged_into_id, c.id) AS id
         FROM contacts c
         JOIN contact_identities ci ON ci.contact_id = c.id
         JOIN inboxes i ON i.id = ci.inbox_id
        WHERE c.account_id = $1
          AND ((i.kind = 'email' AND lower(ci.external_id) = $2)
            OR EXISTS (SELECT 1 FROM webchat_visitors v
                        WHERE v.inbox_id = ci.inbox_id AND v.visitor_key = ci.external_id
                          AND v.email_confirmed_at IS NOT NULL AND lower(v.email) = $2))`,
      [accountId, email.toLowerCase()],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The contact of a widget visitor who confirmed their address, with that address; null when the
   * visitor has not confirmed one (or has no contact yet).
   */
  async confirmedVisitor(
    inboxId: string,
    visitorKey: string,
  ): Promise<{ contactId: string; email: string } | null> {
    // raw SQL: the visitor's confirmed address joined to its identity's (merged) contact
    const rows = (await this.ds.query(
      `SELECT COALESCE(c.merged_into_id, c.id) AS contact_id, lower(v.email) AS email
         FROM webchat_visitors v
         JOIN contact_identities ci ON ci.inbox_id = v.inbox_id AND ci.external_id = v.visitor_key
         JOIN contacts c ON c.id = ci.contact_id
        WHERE v.inbox_id = $1 AND v.visitor_key = $2
          AND v.email_confirmed_at IS NOT NULL AND v.email IS NOT NULL`,
      [inboxId, visitorKey],
    )) as { contact_id: string; email: string }[];
    const row = rows[0];
    return row ? { contactId: row.contact_id, email: row.email } : null;
  }

  /** How many links were asked for since `since`, for this address and from this network. */
  async recentRequests(
    accountId: string,
    emailHash: Buffer,
    ip: string,
    since: Date,
  ): Promise<{ byEmail: number; byIp: number }> {
    const repo = this.ds.getRepository(PortalSignInLinkEntity);
    const byEmail = await repo
      .createQueryBuilder('l')
      .where('l.account_id = :accountId AND l.email_hash = :emailHash AND l.created_at > :since', {
        accountId,
        emailHash,
        since,
      })
      .getCount();
    const byIp = await repo
      .createQueryBuilder('l')
      .where('l.ip = :ip AND l.created_at > :since', { ip, since })
      .getCount();
    return { byEmail, byIp };
  }

  async accountOfInbox(inboxId: string): Promise<string | null> {
    const inbox = await this.ds
      .getRepository(InboxEntity)
      .findOne({ where: { id: inboxId }, select: { id: true, accountId: true } });
    return inbox?.accountId ?? null;
  }

  async insertLink(link: NewSignInLink): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(PortalSignInLinkEntity)
      .values(link)
      .updateEntity(false)
      .execute();
  }

  /**
   * Marks the link used and returns it, in one statement so two clicks cannot both win; an
   * expired, used or unknown link returns why it failed.
   */
  async consumeLink(
    tokenHash: Buffer,
  ): Promise<{ accountId: string; contactIds: string[] } | 'expired' | 'invalid'> {
    // raw SQL: UPDATE … RETURNING, so marking used and reading the link is one atomic step
    const [rows] = (await this.ds.query(
      `UPDATE portal_sign_in_links SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          AND cardinality(contact_ids) > 0
        RETURNING account_id, contact_ids`,
      [tokenHash],
    )) as [{ account_id: string; contact_ids: string[] }[], number];
    const row = rows[0];
    if (row) return { accountId: row.account_id, contactIds: row.contact_ids };
    const found = await this.ds
      .getRepository(PortalSignInLinkEntity)
      .findOne({ where: { tokenHash }, select: { id: true, usedAt: true, expiresAt: true } });
    return found && !found.usedAt && found.expiresAt <= new Date() ? 'expired' : 'invalid';
  }

  async insertSession(s: {
    accountId: string;
    contactIds: string[];
    tokenHash: Buffer;
    expiresAt: Date;
  }): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(PortalSessionEntity)
      .values(s)
      .updateEntity(false)
      .execute();
  }

  async findSession(tokenHash: Buffer): Promise<PortalSessionRow | null> {
    const s = await this.ds.getRepository(PortalSessionEntity).findOne({
      where: { tokenHash },
      select: { id: true, accountId: true, contactIds: true, expiresAt: true },
    });
    return s && s.expiresAt > new Date() ? s : null;
  }

  async deleteSession(tokenHash: Buffer): Promise<void> {
    await this.ds.getRepository(PortalSessionEntity).delete({ tokenHash });
  }
}
