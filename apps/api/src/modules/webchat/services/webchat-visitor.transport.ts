import { Inject, Injectable } from '@nestjs/common';
import {
  normaliseOrigin,
  type FollowUpEmail,
  type FollowUpTarget,
  type VisitorDelivery,
  type VisitorTransport,
} from '@switchboard/channels-webchat';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { EventStreamService } from '../../../core/events/event-stream.service';
import { WebchatInboxRepository } from '../repositories/webchat-inbox.repository';
import { WebchatVisitorRepository } from '../repositories/webchat-visitor.repository';
import { FollowUpMailerService } from './follow-up-mailer.service';
import { VisitorPresenceService } from './visitor-presence.service';

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
    private readonly presence: VisitorPresenceService,
    private readonly stream: EventStreamService,
    private readonly inboxes: WebchatInboxRepository,
    private readonly visitors: WebchatVisitorRepository,
    private readonly mailer: FollowUpMailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliverLive(delivery: VisitorDelivery): Promise<boolean> {
    if (!(await this.presence.isOnline(delivery.inboxId, delivery.visitorExternalId))) return false;
    const accountId = await this.inboxes.findAccountId(delivery.inboxId);
    if (!accountId) return false;
    // By reference: NOTIFY payloads are small, and a message may carry 10 000 characters.
    const data: WebchatDeliverSignal = {
      inboxId: delivery.inboxId,
      visitorKey: delivery.visitorExternalId,
      messageId: delivery.messageKey,
    };
    await this.stream.publishSignal({
      accountId,
      kind: WEBCHAT_DELIVER_SIGNAL,
      data,
    });
    return true;
  }

  /** Only an address the visitor confirmed by link; a merely typed one gets nothing. */
  async followUpTarget(delivery: VisitorDelivery): Promise<FollowUpTarget | null> {
    const visitor = await this.visitors.findContact(delivery.inboxId, delivery.visitorExternalId);
    const confirmed = visitor?.email ?? null;
    if (!confirmed) return null;
    return {
      email: confirmed,
      chatUrl: chatLink(visitor?.pageUrl ?? null, this.config.PUBLIC_URL),
    };
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
