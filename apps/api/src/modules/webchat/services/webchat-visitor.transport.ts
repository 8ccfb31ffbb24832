import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  normaliseOrigin,
  type FollowUpEmail,
  type FollowUpTarget,
  type VisitorDelivery,
  type VisitorTransport,
} from '@switchboard/channels-webchat';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { queryOne } from '../../../core/database/sql-rows';
import { EventStreamService } from '../../../core/events/event-stream.service';
import { FollowUpMailerService } from './follow-up-mailer.service';
import { VisitorPresenceService } from './visitor-presence.service';
import { WebchatVisitorsService } from './webchat-visitors.service';

/** Signal kind that asks every instance to push one stored message to a visitor's widgets. */
export const WEBCHAT_DELIVER_SIGNAL = 'webchat.deliver';

export interface WebchatDeliverSignal {
  inboxId: string;
  visitorKey: string;
  messageId: string;
}

/** The API side of the adapter's VisitorTransport port. */
@Injectable()
export class WebchatVisitorTransport implements VisitorTransport {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly presence: VisitorPresenceService,
    private readonly stream: EventStreamService,
    private readonly visitors: WebchatVisitorsService,
    private readonly mailer: FollowUpMailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliverLive(delivery: VisitorDelivery): Promise<boolean> {
    if (!(await this.presence.isOnline(delivery.inboxId, delivery.visitorExternalId))) return false;
    const inbox = await queryOne<{ account_id: string }>(
      this.ds.manager,
      'SELECT account_id FROM inboxes WHERE id = $1',
      [delivery.inboxId],
    );
    if (!inbox) return false;
    // By reference: NOTIFY payloads are small, and a message may carry 10 000 characters.
    const data: WebchatDeliverSignal = {
      inboxId: delivery.inboxId,
      visitorKey: delivery.visitorExternalId,
      messageId: delivery.messageKey,
    };
    await this.stream.publishSignal({
      accountId: inbox.account_id,
      kind: WEBCHAT_DELIVER_SIGNAL,
      data,
    });
    return true;
  }

  async followUpTarget(delivery: VisitorDelivery): Promise<FollowUpTarget | null> {
    const visitor = await this.visitors.find(delivery.inboxId, delivery.visitorExternalId);
    if (!visitor?.email) return null;
    return { email: visitor.email, chatUrl: chatLink(visitor.page_url, this.config.PUBLIC_URL) };
  }

  async sendFollowUp(email: FollowUpEmail, delivery: VisitorDelivery): Promise<void> {
    await this.mailer.send(email, delivery);
  }
}

/** The page the visitor chatted on, with #sb-chat so the loader opens the chat at once. */
export function chatLink(pageUrl: string | null, publicUrl: string): string {
  const base =
    pageUrl && normaliseOrigin(pageUrl) ? pageUrl : `${publicUrl.replace(/\/$/, '')}/widget/demo/`;
  const url = new URL(base);
  url.hash = 'sb-chat';
  return url.toString();
}
