import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  RULE_WEBHOOK_EVENT_TYPE,
  type ListWebhookDeliveriesQuery,
  type Page,
  type WebhookDeliveryDto,
  type WebhookSecretDto,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { SecretBox } from '../../core/crypto/secret-box';
import { AppException, notFound } from '../../core/http/app.exception';
import { QueueService } from '../../core/queue/queue.service';
import { AuditLogService } from '../audit/audit-log.service';
import { decodeKeyset, encodeKeyset } from '../conversations/keyset-cursor';
import { RuleWebhookSecretsRepository } from './rule-webhook-secrets.repository';
import {
  WebhookDeliveriesRepository,
  type DeliveryLogScope,
  type NewWebhookDelivery,
} from './webhook-deliveries.repository';
import { WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJob } from './webhook-delivery.queue';
import { generateWebhookSecret } from './webhook-signature';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { requireWebhookAdmin, WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { toWebhookDeliveryDto } from './webhook.mapper';

/** What a rule's `call_webhook` action asks for. */
export interface RuleWebhookCall {
  url: string;
  ruleId: string;
  ruleName: string;
  body: unknown;
}

/**
 * Deliveries: recording them (from stream events, from rules) with their first job in the caller's
 * transaction, the delivery log, resending, and the account's secret for rule calls.
 */
@Injectable()
export class OutgoingWebhooksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly subscriptionsService: WebhookSubscriptionsService,
    private readonly ruleSecrets: RuleWebhookSecretsRepository,
    private readonly queue: QueueService,
    private readonly box: SecretBox,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * For the rules engine's `call_webhook`: a delivery with no subscription, signed with the
   * account's rule-webhook secret, whose first attempt is enqueued in `em`'s transaction. It shares
   * the delivery log, retries and resend with subscriptions.
   */
  async enqueueRuleCall(
    em: EntityManager,
    accountId: string,
    call: RuleWebhookCall,
  ): Promise<void> {
    const id = randomUUID();
    await this.enqueue(em, [
      {
        id,
        accountId,
        subscriptionId: null,
        ruleId: call.ruleId,
        ruleName: call.ruleName,
        url: call.url,
        eventType: RULE_WEBHOOK_EVENT_TYPE,
        eventCursor: null,
        body: {
          id,
          type: RULE_WEBHOOK_EVENT_TYPE,
          createdAt: new Date().toISOString(),
          accountId,
          data: { rule: { id: call.ruleId, name: call.ruleName }, payload: call.body ?? null },
        },
      },
    ]);
  }

  /** Throws the 422 a subscription with this URL would get (rules check it on save). */
  checkUrl(url: string): Promise<void> {
    return this.subscriptionsService.checkUrl(url);
  }

  /** Inserts deliveries (a repeat of one already recorded is skipped) and enqueues their jobs. */
  async enqueue(em: EntityManager, rows: NewWebhookDelivery[]): Promise<void> {
    for (const id of await this.deliveries.insert(em, rows))
      await this.queue.sendInTransaction(em, WEBHOOK_DELIVERY_QUEUE, {
        deliveryId: id,
        attempt: 1,
      } satisfies WebhookDeliveryJob);
  }

  async listDeliveries(
    op: AuthenticatedOperator,
    subscriptionId: string,
    q: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    requireWebhookAdmin(op);
    const sub = await this.subscriptions.findInAccount(
      this.ds.manager,
      op.accountId,
      subscriptionId,
    );
    if (!sub) throw notFound('Webhook subscription');
    return this.page({ subscriptionId: sub.id }, q);
  }

  listRuleDeliveries(
    op: AuthenticatedOperator,
    q: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    requireWebhookAdmin(op);
    return this.page({ accountId: op.accountId, rules: true }, q);
  }

  /** A new attempt now, whatever the delivery's state (delivered, failed, waiting for a retry). */
  async resend(op: AuthenticatedOperator, id: string): Promise<WebhookDeliveryDto> {
    requireWebhookAdmin(op);
    const dto = await this.ds.transaction(async (em) => {
      const d = await this.deliveries.lockInAccount(em, op.accountId, id);
      if (!d) throw notFound('Webhook delivery');
      if (d.status === 'sending')
        throw new AppException('INVALID_STATE', 'An attempt is running now; wait for its outcome');
      if (d.subscriptionId) {
        const sub = await this.subscriptions.findInAccount(em, op.accountId, d.subscriptionId);
        if (!sub?.enabled)
          throw new AppException('INVALID_STATE', 'The subscription is disabled; enable it first');
      }
      const now = new Date();
      await this.deliveries.record(em, d.id, { status: 'pending', nextAttemptAt: now });
      // Any job still scheduled for the old next attempt finds the delivery moved on and stops.
      await this.queue.sendInTransaction(em, WEBHOOK_DELIVERY_QUEUE, {
        deliveryId: d.id,
        attempt: d.attempts + 1,
      } satisfies WebhookDeliveryJob);
      return toWebhookDeliveryDto({ ...d, status: 'pending', nextAttemptAt: now });
    });
    this.queue.nudge(WEBHOOK_DELIVERY_QUEUE);
    return dto;
  }

  /** Admins may see the rule-webhook secret any time (rules are set up by them, in many places). */
  async ruleSecret(op: AuthenticatedOperator): Promise<WebhookSecretDto> {
    requireWebhookAdmin(op);
    return { secret: await this.ruleSecretOf(this.ds.manager, op.accountId) };
  }

  async rotateRuleSecret(op: AuthenticatedOperator, ip: string): Promise<WebhookSecretDto> {
    requireWebhookAdmin(op);
    const secret = generateWebhookSecret();
    await this.ds.transaction(async (em) => {
      await this.ruleSecrets.replace(em, op.accountId, this.box.seal(secret));
      await this.audit.record(
        {
          accountId: op.accountId,
          action: 'webhook.secret_rotated',
          targetType: 'rule_webhooks',
          targetLabel: 'Rule webhooks',
          details: {},
        },
        { operator: op, ip },
        em,
      );
    });
    return { secret };
  }

  /** The plain rule-webhook secret of the account, made on first use. */
  async ruleSecretOf(em: EntityManager, accountId: string): Promise<string> {
    const sealed = await this.ruleSecrets.getOrCreate(
      em,
      accountId,
      this.box.seal(generateWebhookSecret()),
    );
    return this.box.open(sealed);
  }

  private async page(
    scope: DeliveryLogScope,
    q: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    const rows = await this.deliveries.listPage(scope, decodeKeyset(q.cursor), q.limit);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toWebhookDeliveryDto(r.delivery)),
      nextCursor:
        rows.length > q.limit && last
          ? encodeKeyset({ at: last.createdKey, id: last.delivery.id })
          : null,
    };
  }
}
