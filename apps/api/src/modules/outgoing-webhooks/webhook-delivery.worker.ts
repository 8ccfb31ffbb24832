import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEBHOOK_HEADERS } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { SecretBox } from '../../core/crypto/secret-box';
import { QueueService } from '../../core/queue/queue.service';
import { AuditLogService } from '../audit/audit-log.service';
import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { OutgoingWebhooksService } from './outgoing-webhooks.service';
import { WebhookDeliveriesRepository, type DeliveryOutcome } from './webhook-deliveries.repository';
import {
  WEBHOOK_ATTEMPT_LEASE_MS,
  WEBHOOK_DELIVERY_QUEUE,
  webhookDeliveryQueue,
  type WebhookDeliveryJob,
} from './webhook-delivery.queue';
import { webhookRetryDelayMs } from './webhook-retry';
import { postWebhook, type SendOutcome } from './webhook-sender';
import { signWebhook } from './webhook-signature';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

interface ClaimedAttempt {
  delivery: WebhookDeliveryEntity;
  url: string;
  secret: string;
}

/** Stored and shown as the reason; a provider's answer is never kept in full. */
const MAX_REASON_CHARS = 300;

/**
 * Makes one attempt of a delivery per job. The attempt is claimed on the delivery row first
 * (status `sending`, the attempt number, a lease), so a job pg-boss runs twice, or a stale retry
 * job after a resend, finds the delivery moved on and sends nothing. No transaction is open
 * while the endpoint is called. The outcome and the next attempt's job commit together.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly webhooks: OutgoingWebhooksService,
    private readonly box: SecretBox,
    private readonly audit: AuditLogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.define(webhookDeliveryQueue);
    await this.queue.work<WebhookDeliveryJob>(WEBHOOK_DELIVERY_QUEUE, (job) =>
      this.handle(job.data),
    );
  }

  async handle(job: WebhookDeliveryJob): Promise<void> {
    const claimed = await this.ds.transaction((em) => this.claim(em, job));
    if (!claimed) return;
    const raw = JSON.stringify(claimed.delivery.body);
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome = await postWebhook(claimed.url, raw, {
      [WEBHOOK_HEADERS.id]: claimed.delivery.id,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(claimed.secret, timestamp, raw),
    });
    await this.ds.transaction((em) => this.record(em, job, outcome));
  }

  private async claim(em: EntityManager, job: WebhookDeliveryJob): Promise<ClaimedAttempt | null> {
    const d = await this.deliveries.lock(em, job.deliveryId);
    if (!d) return null;
    const fresh = d.status === 'pending' && d.attempts === job.attempt - 1;
    const abandoned =
      d.status === 'sending' &&
      d.attempts === job.attempt &&
      (d.leaseUntil ?? new Date(0)) < new Date();
    // The attempt's process may still be running: let pg-boss retry this job after its lease.
    if (d.status === 'sending' && d.attempts === job.attempt && !abandoned)
      throw new Error(`Webhook delivery ${d.id}: attempt ${job.attempt} is still running`);
    if (!fresh && !abandoned) return null;
    let url = d.url;
    let secret: string;
    if (d.subscriptionId) {
      const sub = await this.subscriptions.findInAccount(em, d.accountId, d.subscriptionId);
      if (!sub) return null;
      if (!sub.enabled) {
        await this.deliveries.record(em, d.id, {
          status: 'failed',
          nextAttemptAt: null,
          lastError: 'The subscription is disabled',
        });
        return null;
      }
      url = sub.url;
      secret = this.box.open(sub.secretSealed);
    } else {
      secret = await this.webhooks.ruleSecretOf(em, d.accountId);
    }
    await this.deliveries.markSending(
      em,
      d.id,
      job.attempt,
      url,
      new Date(Date.now() + WEBHOOK_ATTEMPT_LEASE_MS),
    );
    return { delivery: d, url, secret };
  }

  private async record(em: EntityManager, job: WebhookDeliveryJob, out: SendOutcome) {
    const d = await this.deliveries.lock(em, job.deliveryId);
    // A late outcome of an attempt that was retaken (its lease ran out) is not ours to record.
    if (!d || d.status !== 'sending' || d.attempts !== job.attempt) return;
    const base = {
      lastDurationMs: out.durationMs,
      lastStatusCode: out.kind === 'answered' ? out.status : null,
    };
    if (out.kind === 'answered' && out.status >= 200 && out.status < 300) {
      await this.deliveries.record(em, d.id, { ...base, status: 'delivered', lastError: null });
      return;
    }
    const reason = clip(
      out.kind === 'answered'
        ? `HTTP ${out.status}${out.body.trim() ? `: ${out.body.trim()}` : ''}`
        : out.message,
    );
    if (out.kind === 'answered' && out.status === 410) {
      await this.fail(em, d, { ...base, lastError: reason });
      if (d.subscriptionId)
        await this.disable(em, d, d.subscriptionId, 'The endpoint answered 410 Gone');
      return;
    }
    // A private address now (DNS rebinding) will not become allowed by waiting.
    const delay =
      out.kind === 'error' && out.privateTarget
        ? null
        : webhookRetryDelayMs(job.attempt, this.config.OUTGOING_WEBHOOK_RETRY_BASE_MS);
    if (delay === null) {
      await this.fail(em, d, { ...base, lastError: reason });
      return;
    }
    const nextAttemptAt = new Date(Date.now() + delay);
    await this.deliveries.record(em, d.id, {
      ...base,
      status: 'pending',
      lastError: reason,
      nextAttemptAt,
    });
    await this.queue.sendInTransaction(
      em,
      WEBHOOK_DELIVERY_QUEUE,
      { deliveryId: d.id, attempt: job.attempt + 1 } satisfies WebhookDeliveryJob,
      { startAfter: nextAttemptAt },
    );
  }

  private async fail(
    em: EntityManager,
    d: WebhookDeliveryEntity,
    outcome: Partial<DeliveryOutcome>,
  ) {
    await this.deliveries.record(em, d.id, { ...outcome, status: 'failed', nextAttemptAt: null });
    this.logger.warn(`Webhook delivery ${d.id} to ${d.url} failed: ${outcome.lastError ?? ''}`);
  }

  /** 410 Gone: the integrator removed the endpoint; stop posting until an admin enables it. */
  private async disable(
    em: EntityManager,
    d: WebhookDeliveryEntity,
    subscriptionId: string,
    reason: string,
  ) {
    await this.subscriptions.disable(em, subscriptionId, reason);
    await this.audit.record(
      {
        accountId: d.accountId,
        action: 'webhook.updated',
        targetType: 'webhook_subscription',
        targetId: subscriptionId,
        targetLabel: d.url,
        details: { changed: ['enabled'], enabled: false, reason },
      },
      { label: 'system' },
      em,
    );
  }
}

/** Short, one line, and storable (PostgreSQL text refuses NUL; control characters confuse logs). */
function clip(text: string): string {
  let out = '';
  for (const ch of text) {
    if (out.length >= MAX_REASON_CHARS) return `${out}…`;
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f ? ' ' : ch;
  }
  return out;
}
