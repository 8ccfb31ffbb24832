import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { clientNetwork } from '../../core/auth/client-network';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import type { PortalStrings } from './pages/portal-strings';
import { PortalAccessRepository, type PortalSessionRow } from './portal-access.repository';
import { PortalMailerService } from './portal-mailer.service';
import { hashPortalEmail, hashPortalToken, newPortalToken } from './portal-token';

export const PORTAL_LINK_TTL_MS = 15 * 60_000;
export const PORTAL_SESSION_TTL_MS = 7 * 24 * 3_600_000;
/** Links asked for per address and per network within the window. */
export const PORTAL_LINKS_PER_EMAIL = 5;
export const PORTAL_LINKS_PER_IP = 20;
const WINDOW_MS = 15 * 60_000;
const HAND_OFF_TTL_MS = 2 * 60_000;

const emailSchema = z.string().trim().toLowerCase().email().max(254);

export type SignInRequestOutcome = 'sent' | 'rate_limited' | 'invalid_email';

/**
 * One-time-link sign-in. Every request writes a link row whether the address is known or not, and
 * the mail goes out after the answer, so the answer (words and time) says nothing about the
 * address. Only a verified address of a contact gets a usable link.
 */
@Injectable()
export class PortalSignInService {
  constructor(
    private readonly repo: PortalAccessRepository,
    private readonly mailer: PortalMailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestLink(
    accountId: string,
    rawEmail: unknown,
    ip: string | undefined,
    s: PortalStrings,
  ): Promise<SignInRequestOutcome> {
    const parsed = emailSchema.safeParse(rawEmail);
    if (!parsed.success) return 'invalid_email';
    const email = parsed.data;
    const emailHash = hashPortalEmail(this.config.APP_SECRET, email);
    const network = clientNetwork(ip);
    const recent = await this.repo.recentRequests(
      accountId,
      emailHash,
      network,
      new Date(Date.now() - WINDOW_MS),
    );
    if (recent.byEmail >= PORTAL_LINKS_PER_EMAIL || recent.byIp >= PORTAL_LINKS_PER_IP)
      return 'rate_limited';
    const contactIds = await this.repo.verifiedContacts(accountId, email);
    const token = newPortalToken();
    await this.repo.insertLink({
      accountId,
      emailHash,
      ip: network,
      contactIds,
      tokenHash: hashPortalToken(token),
      expiresAt: new Date(Date.now() + PORTAL_LINK_TTL_MS),
    });
    if (contactIds.length > 0) {
      const url = this.linkUrl(token);
      // Not awaited: a known address must not answer later than an unknown one.
      void this.mailer.send(accountId, {
        to: email,
        subject: s.mailSubject,
        text: `${s.mailBody}\n\n${url}\n\n${s.mailIgnore}\n`,
      });
    }
    return 'sent';
  }

  /**
   * The widget's hand-off: a visitor who confirmed their address gets a link of their own (the
   * same one-time link, valid for two minutes) to open the portal signed in, without a mail.
   */
  async widgetHandOff(
    inboxId: string,
    visitorKey: string,
    ip: string | undefined,
  ): Promise<{ url: string; expiresAt: Date } | null> {
    const visitor = await this.repo.confirmedVisitor(inboxId, visitorKey);
    if (!visitor) return null;
    const accountId = await this.repo.accountOfInbox(inboxId);
    if (!accountId) return null;
    const contactIds = await this.repo.verifiedContacts(accountId, visitor.email);
    const token = newPortalToken();
    const expiresAt = new Date(Date.now() + HAND_OFF_TTL_MS);
    await this.repo.insertLink({
      accountId,
      emailHash: hashPortalEmail(this.config.APP_SECRET, visitor.email),
      ip: clientNetwork(ip),
      contactIds: contactIds.includes(visitor.contactId)
        ? contactIds
        : [visitor.contactId, ...contactIds],
      tokenHash: hashPortalToken(token),
      expiresAt,
    });
    return { url: this.linkUrl(token), expiresAt };
  }

  private linkUrl(token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/portal/link/${token}`;
  }

  /** Trades a link for a new session token, once. */
  async consumeLink(
    token: string,
  ): Promise<{ sessionToken: string; expiresAt: Date } | 'expired' | 'invalid'> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return 'invalid';
    const link = await this.repo.consumeLink(hashPortalToken(token));
    if (typeof link === 'string') return link;
    const sessionToken = newPortalToken();
    const expiresAt = new Date(Date.now() + PORTAL_SESSION_TTL_MS);
    await this.repo.insertSession({
      accountId: link.accountId,
      contactIds: link.contactIds,
      tokenHash: hashPortalToken(sessionToken),
      expiresAt,
    });
    return { sessionToken, expiresAt };
  }

  async session(token: string | null): Promise<PortalSessionRow | null> {
    return token ? this.repo.findSession(hashPortalToken(token)) : null;
  }

  async signOut(token: string): Promise<void> {
    await this.repo.deleteSession(hashPortalToken(token));
  }
}
