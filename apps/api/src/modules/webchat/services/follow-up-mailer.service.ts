import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelError, type OutboundMessage } from '@switchboard/channels-core';
import type { FollowUpEmail, VisitorDelivery } from '@switchboard/channels-webchat';
import { createTransport } from 'nodemailer';
import { ChannelRegistryService } from '../../channels/channel-registry.service';
import { InboxesService } from '../../inboxes/inboxes.service';
import { FollowUpRepository } from '../repositories/follow-up.repository';
import { WebchatInboxRepository } from '../repositories/webchat-inbox.repository';
import { WEBCHAT_MAIL_CONFIG, type WebchatMailConfig } from './webchat-mail-config';

/**
 * Sends a follow-up to a visitor who left. Through the account's email inbox when there is one
 * (the customer's emailed answer then lands in the same conversation via the email channel's
 * threading); otherwise through SMTP_URL; with neither, the reply waits in the chat history.
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
  ) {}

  async send(email: FollowUpEmail, delivery: VisitorDelivery): Promise<void> {
    if (await this.followUps.isSent(delivery.messageKey)) return;
    if (await this.deliver(email, delivery)) {
      await this.followUps.recordSent(delivery.messageKey, delivery.inboxId, email.to);
    }
  }

  /** True when the email went out. */
  private async deliver(email: FollowUpEmail, delivery: VisitorDelivery): Promise<boolean> {
    const emailInboxId = await this.webchatInboxes.findEmailInboxBeside(delivery.inboxId);
    if (emailInboxId && this.registry.kinds().includes('email')) {
      await this.viaEmailInbox(emailInboxId, email, delivery);
      return true;
    }
    if (this.config.smtpUrl) {
      await this.viaSmtp(this.config.smtpUrl, email);
      return true;
    }
    this.logger.warn(
      `No email inbox and no SMTP_URL: follow-up for conversation ${delivery.conversationId} not sent`,
    );
    return false;
  }

  private async viaEmailInbox(
    inboxId: string,
    email: FollowUpEmail,
    delivery: VisitorDelivery,
  ): Promise<void> {
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
    };
    const result = await this.registry.get('email').send(outbound, context);
    if (!result.ok) throw result.error;
  }

  private async viaSmtp(url: string, email: FollowUpEmail): Promise<void> {
    const transport = createTransport(url);
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
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      // 5xx: the server refused this recipient or message for good; anything else may pass later.
      throw new ChannelError(
        code && code >= 500 ? 'INVALID_RECIPIENT' : 'UNAVAILABLE',
        (err as Error).message,
      );
    } finally {
      transport.close();
    }
  }
}
