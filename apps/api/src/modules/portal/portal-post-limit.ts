import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { esc, sendPortalPage } from './pages/portal-layout';
import type { PortalSessionRow } from './portal-access.repository';
import { PortalNewRequestsRepository } from './portal-new-requests.repository';
import { pageContext } from './portal-page-context';

/** Messages one signed-in customer may send from the portal per hour: replies and new requests. */
export const PORTAL_POSTS_PER_HOUR = 30;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The portal's write limit: a signed-in customer (or a stolen session) cannot flood the inbox
 * with replies or new conversations. Counted from the stored messages, so it holds across
 * sessions and API instances.
 */
@Injectable()
export class PortalPostLimit {
  constructor(private readonly repo: PortalNewRequestsRepository) {}

  /** True when the customer may post; else answers 429 with a page saying to wait. */
  async allow(session: PortalSessionRow, req: Request, res: Response): Promise<boolean> {
    const since = new Date(Date.now() - HOUR_MS);
    const sent = await this.repo.portalMessagesSince(session.contactIds, since);
    if (sent < PORTAL_POSTS_PER_HOUR) return true;
    const c = pageContext(req);
    res.setHeader('Retry-After', '900');
    sendPortalPage(res, 429, {
      locale: c.locale,
      title: c.s.title,
      body: `<p class="notice" role="alert">${esc(c.s.tooManyPosts)}</p><p><a href="/portal/requests">${esc(c.s.back)}</a></p>`,
    });
    return false;
  }
}
