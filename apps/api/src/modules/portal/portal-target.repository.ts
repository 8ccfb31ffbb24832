import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind } from '@switchboard/contracts';
import { In, IsNull, type DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';

/** The kinds the portal can file a request in: the customer is known there by address or by id. */
export const PORTAL_TARGET_KINDS = ['email', 'api'] as const satisfies readonly ChannelKind[];

export interface PortalTargetInbox {
  id: string;
  kind: ChannelKind;
  settings: Record<string, unknown>;
}

/** Which inbox the customer portal's New requests go to: the admin's choice, else the default. */
@Injectable()
export class PortalTargetRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The admin's choice as stored (it may name an inbox removed since). */
  async chosenInboxId(accountId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(AccountEntity)
      .findOne({ where: { id: accountId }, select: { id: true, portalInboxId: true } });
    return row?.portalInboxId ?? null;
  }

  async choose(accountId: string, inboxId: string | null): Promise<void> {
    await this.ds
      .getRepository(AccountEntity)
      .update({ id: accountId }, { portalInboxId: inboxId });
  }

  /** An inbox of this account, not removed, of a kind the portal can file requests in. */
  usableInbox(accountId: string, inboxId: string): Promise<PortalTargetInbox | null> {
    return this.ds.getRepository(InboxEntity).findOne({
      where: { id: inboxId, accountId, kind: In([...PORTAL_TARGET_KINDS]), removedAt: IsNull() },
      select: { id: true, kind: true, settings: true },
    });
  }

  /** Whether the account has this inbox, of any kind (to tell a wrong kind from an unknown id). */
  async ownsInbox(accountId: string, inboxId: string): Promise<boolean> {
    return this.ds
      .getRepository(InboxEntity)
      .exists({ where: { id: inboxId, accountId, removedAt: IsNull() } });
  }

  /**
   * Where New requests go now: the admin's choice while it is usable, else the account's first
   * email inbox, else its first API inbox (docs/portal.md).
   */
  async targetInbox(accountId: string): Promise<PortalTargetInbox | null> {
    const chosen = await this.chosenInboxId(accountId);
    const inbox = chosen ? await this.usableInbox(accountId, chosen) : null;
    if (inbox) return inbox;
    for (const kind of PORTAL_TARGET_KINDS) {
      const first = await this.ds.getRepository(InboxEntity).findOne({
        where: { accountId, kind, removedAt: IsNull() },
        select: { id: true, kind: true, settings: true },
        order: { createdAt: 'ASC' },
      });
      if (first) return first;
    }
    return null;
  }
}
