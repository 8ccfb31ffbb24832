import { Inject, Injectable } from '@nestjs/common';
import {
  buildEmailConfirmationEmail,
  EMAIL_CONFIRMATION_TTL_SECONDS,
  issueEmailConfirmationToken,
  verifyEmailConfirmationToken,
} from '@switchboard/channels-webchat';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { EventStreamService } from '../../../core/events/event-stream.service';
import type { VisitorContactDto } from '../dto/widget-wire.dto';
import {
  WebchatVisitorRepository,
  type EmailConfirmation,
} from '../repositories/webchat-visitor.repository';
import { WebchatInboxRepository } from '../repositories/webchat-inbox.repository';
import { ConfirmationMailService } from './confirmation-mail.service';
import { VisitorAuthService, type VisitorPrincipal } from './visitor-auth.service';
import { WidgetLimitsService, type WidgetCaller } from './widget-limits.service';

/** Signal kind that tells every instance a visitor's follow-up address changed. */
export const WEBCHAT_CONTACT_SIGNAL = 'webchat.contact';

export interface WebchatContactSignal {
  inboxId: string;
  visitorKey: string;
}

export type ConfirmationOutcome = EmailConfirmation | 'expired' | 'invalid';

/**
 * The visitor's "email me the answer" address. A typed address is mailed a signed, expiring link
 * and stays pending until the link is opened; only a confirmed address gets follow-ups (and only
 * its emailed answers are shown in the widget), so nobody can have us mail a stranger or read a
 * stranger's answers by typing their address.
 */
@Injectable()
export class FollowUpAddressService {
  constructor(
    private readonly visitors: WebchatVisitorRepository,
    private readonly inboxes: WebchatInboxRepository,
    private readonly mail: ConfirmationMailService,
    private readonly limits: WidgetLimitsService,
    private readonly stream: EventStreamService,
    private readonly auth: VisitorAuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async state(inboxId: string, visitorKey: string): Promise<VisitorContactDto> {
    const row = await this.visitors.findContact(inboxId, visitorKey);
    return { email: row?.email ?? null, pendingEmail: row?.pendingEmail ?? null };
  }

  /** Takes a typed address: already confirmed → nothing to do; otherwise mails the link. */
  async request(
    p: VisitorPrincipal,
    caller: WidgetCaller,
    email: string,
    pageUrl: string | null,
  ): Promise<VisitorContactDto> {
    const inboxId = p.inbox.id;
    const current = await this.state(inboxId, p.visitorKey);
    if (current.email === email) {
      if (current.pendingEmail !== null)
        await this.visitors.clearPendingEmail(inboxId, p.visitorKey);
      return { email, pendingEmail: null };
    }
    await this.mail.assertCanSend(inboxId);
    await this.limits.takeConfirmationMail(caller, email);
    const token = issueEmailConfirmationToken(p.ctx.secrets.hmacSecret, {
      inboxId,
      visitorKey: p.visitorKey,
      email,
    });
    // Pending first: a link opened quickly after the mail arrives must find its address.
    await this.visitors.savePendingEmail(inboxId, p.visitorKey, email, pageUrl);
    await this.mail.send(
      inboxId,
      buildEmailConfirmationEmail({
        to: email,
        inboxName: p.inbox.name,
        confirmUrl: confirmationUrl(this.config.PUBLIC_URL, inboxId, token),
        expiresAt: new Date(Date.now() + EMAIL_CONFIRMATION_TTL_SECONDS * 1000),
      }),
    );
    return { email: current.email, pendingEmail: email };
  }

  /** Opens a confirmation link (the inbox's secret checks it); tells the visitor's widgets. */
  async confirm(
    inboxId: string,
    token: string,
  ): Promise<{ outcome: ConfirmationOutcome; email: string | null }> {
    const secret = await this.auth.inboxSecret(inboxId);
    const check = verifyEmailConfirmationToken(secret, token, { inboxId });
    if (!check.ok) return { outcome: check.reason, email: null };
    const { visitorKey, email } = check.claims;
    const outcome = await this.visitors.confirmEmail(inboxId, visitorKey, email);
    if (outcome === 'confirmed') await this.announce(inboxId, visitorKey);
    return { outcome, email };
  }

  private async announce(inboxId: string, visitorKey: string): Promise<void> {
    const accountId = await this.inboxes.findAccountId(inboxId);
    if (!accountId) return;
    const data: WebchatContactSignal = { inboxId, visitorKey };
    await this.stream.publishSignal({ accountId, kind: WEBCHAT_CONTACT_SIGNAL, data });
  }
}

export function confirmationUrl(publicUrl: string, inboxId: string, token: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return `${base}/api/widget/${inboxId}/contact/confirm?token=${encodeURIComponent(token)}`;
}
