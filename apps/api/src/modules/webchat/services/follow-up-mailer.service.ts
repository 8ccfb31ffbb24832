import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChannelError, type OutboundMessage } from '@switchboard/channels-core';
import type { FollowUpEmail, VisitorDelivery } from '@switchboard/channels-webchat';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../../core/database/sql-rows';
import { ChannelRegistryService } from '../../channels/channel-registry.service';
import { InboxesService } from '../../inboxes/inboxes.service';
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
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: ChannelRegistryService,
    private readonly inboxes: InboxesService,
    @Inject(WEBCHAT_MAIL_CONFIG) private readonly config: WebchatMailConfig,
  ) {}

  async send(email: FollowUpEmail, delivery: VisitorDelivery): Promise<void> {
    const done = await queryOne<{ found: number }>(
      this.ds.manager,
      'SELECT 1 AS found FROM webchat_follow_ups WHERE message_key = $1',
      [delivery.messageKey],
    );
    if (done) return;
    if (await this.deliver(email, delivery)) {
      await this.ds.query(
        `INSERT INTO webchat_follow_ups (message_key, inbox_id, sent_to) VALUES ($1, $2, $3)
         ON CONFLICT (message_key) DO NOTHING`,
        [delivery.messageKey, delivery.inboxId, email.to],
      );
    }
  }

  /** True when the email went out. */
  private async deliver(email: FollowUpEmail, delivery: VisitorDelivery): Promise<boolean> {
    const emailInbox = await queryOne<{ id: string }>(
      this.ds.manager,
      `SELECT e.id FROM inboxes w JOIN inboxes e ON e.account_id = w.account_id AND e.kind = 'email'
        WHERE w.id = $1 ORDER BY e.created_at LIMIT 1`,
      [delivery.inboxId],
    );
    if (emailInbox && this.registry.kinds().includes('email')) {
      await this.viaEmailInbox(emailInbox.id, email, delivery);
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
