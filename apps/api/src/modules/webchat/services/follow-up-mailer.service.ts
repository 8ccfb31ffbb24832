import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelError, type OutboundMessage } from '@switchboard/channels-core';
import { mapSmtpError, SmtpDataProgress } from '@switchboard/channels-email';
import type { FollowUpEmail, VisitorDelivery } from '@switchboard/channels-webchat';
import { createTransport } from 'nodemailer';
import { ChannelRegistryService } from '../../channels/channel-registry.service';
import { InboxesService } from '../../inboxes/inboxes.service';
import { FollowUpRepository } from '../repositories/follow-up.repository';
import { WebchatInboxRepository } from '../repositories/webchat-inbox.repository';
import { WebchatVisitorRepository } from '../repositories/webchat-visitor.repository';
import { WEBCHAT_MAIL_CONFIG, type WebchatMailConfig } from './webchat-mail-config';

type Route = { via: 'inbox'; inboxId: string } | { via: 'smtp'; url: string };

/** Bounded waits for SMTP_URL (nodemailer's own default is ten minutes of silence). */
const SMTP_URL_TIMEOUTS = {
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 60_000,
};

/**
 * Sends a follow-up to a visitor who left. Through the account's email inbox when there is one
 * (the customer's emailed answer then lands in the same conversation via the email channel's
 * threading); otherwise through SMTP_URL; with neither, the reply waits in the chat history.
 *
 * Claim, send, mark: the email is claimed in the database before it goes out and marked after, so
 * a crash or a redelivered job never mails it twice. An attempt that cannot tell whether the mail
 * went out leaves it `uncertain`, reported as OUTCOME_UNKNOWN: only an operator's deliberate
 * resend mails it again.
 */
@Injectable()
export class FollowUpMailerService {
  private readonly logger = new Logger(FollowUpMailerService.name);

  constructor(
    private readonly followUps: FollowUpRepository,
    private readonly webchatInboxes: WebchatInboxRepository,
    private readonly registry: ChannelRegistryService,
    private readonly inboxes: InboxesService,
    @Inject(WEBCHAT_MAIL_CONFIG) private readonly config: WebchatMailConfig,
    private readonly visitors: WebchatVisitorRepository,
  ) {}

  async send(email: FollowUpEmail, delivery: VisitorDelivery): Promise<void> {
    // Only to an address the visitor confirmed by link (a typed one could be anyone's).
    if (
      !(await this.visitors.isConfirmedFollowUpAddress(
        delivery.inboxId,
        delivery.visitorExternalId,
        email.to,
      ))
    )
      return;
    const route = await this.route(delivery);
    if (!route) {
      this.logger.warn(
        `No email inbox and no SMTP_URL: follow-up for conversation ${delivery.conversationId} not sent`,
      );
      return;
    }
    const key = delivery.messageKey;
    const deliberate = delivery.deliberateResend === true;
    if (!(await this.followUps.claim(key, delivery.inboxId, email.to, deliberate))) {
      if ((await this.followUps.stateOf(key)) === 'sent') return;
      throw new ChannelError(
        'OUTCOME_UNKNOWN',
        `The follow-up email to ${email.to} may already have gone out (an earlier attempt never confirmed it); it is not sent again by itself`,
      );
    }
    let afterRecorded: (() => Promise<void>) | undefined;
    try {
      afterRecorded =
        route.via === 'inbox'
          ? await this.viaEmailInbox(route.inboxId, email, delivery)
          : await this.viaSmtp(route.url, email);
    } catch (err) {
      const unknown = err instanceof ChannelError && err.code === 'OUTCOME_UNKNOWN';
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await this.followUps.settle(key, unknown ? 'uncertain' : 'failed', reason);
      throw err;
    }
    await this.followUps.settle(key, 'sent');
    await afterRecorded?.();
  }

  private async route(delivery: VisitorDelivery): Promise<Route | null> {
    const emailInboxId = await this.webchatInboxes.findEmailInboxBeside(delivery.inboxId);
    if (emailInboxId && this.registry.kinds().includes('email'))
      return { via: 'inbox', inboxId: emailInboxId };
    if (this.config.smtpUrl) return { via: 'smtp', url: this.config.smtpUrl };
    return null;
  }

  private async viaEmailInbox(
    inboxId: string,
    email: FollowUpEmail,
    delivery: VisitorDelivery,
  ): Promise<(() => Promise<void>) | undefined> {
    const { context } = await this.inboxes.loadContext(inboxId);
    const outbound: OutboundMessage = {
      idempotencyKey: delivery.messageKey,
      conversation: {
        id: delivery.conversationId,
        number: delivery.conversationNumber,
        subject: email.subject,
        threadExternalIds: [],
      },
      recipient: { externalId: email.to, name: null, email: email.to, phone: null },
      sender: { name: delivery.senderName },
      text: email.text,
      html: null,
      attachments: [],
      deliberateResend: delivery.deliberateResend === true,
    };
    const result = await this.registry.get('email').send(outbound, context);
    if (!result.ok) throw result.error;
    return result.afterRecorded;
  }

  private async viaSmtp(url: string, email: FollowUpEmail): Promise<undefined> {
    const progress = new SmtpDataProgress();
    // Options in the URL's query string (e.g. ?socketTimeout=…) win over these defaults.
    const transport = createTransport({ ...SMTP_URL_TIMEOUTS, url, logger: progress.logger });
    try {
      await transport.sendMail({
        from: this.config.mailFrom,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
      });
      return undefined;
    } catch (err) {
      throw mapSmtpError(progress.explain(err));
    } finally {
      transport.close();
    }
  }
}
