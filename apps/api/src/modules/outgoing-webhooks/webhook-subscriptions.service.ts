import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatedWebhookSubscriptionDto,
  CreateWebhookSubscriptionRequest,
  UpdateWebhookSubscriptionRequest,
  WebhookSecretDto,
  WebhookSubscriptionDto,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { SecretBox } from '../../core/crypto/secret-box';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import type { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';
import { generateWebhookSecret } from './webhook-signature';
import {
  WebhookSubscriptionsRepository,
  type WebhookSubscriptionChanges,
} from './webhook-subscriptions.repository';
import { checkWebhookTarget } from './webhook-target';
import { toWebhookSubscriptionDto } from './webhook.mapper';

export function requireWebhookAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can manage outgoing webhooks');
}

/** Integrators' subscriptions: admins only, every change in the audit log (never the secret). */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: WebhookSubscriptionsRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditLogService,
  ) {}

  async list(op: AuthenticatedOperator): Promise<WebhookSubscriptionDto[]> {
    requireWebhookAdmin(op);
    return (await this.repo.listByAccount(op.accountId)).map(toWebhookSubscriptionDto);
  }

  async get(op: AuthenticatedOperator, id: string): Promise<WebhookSubscriptionDto> {
    requireWebhookAdmin(op);
    const sub = await this.repo.findInAccount(this.ds.manager, op.accountId, id);
    if (!sub) throw notFound('Webhook subscription');
    return toWebhookSubscriptionDto(sub);
  }

  async create(
    op: AuthenticatedOperator,
    ip: string,
    req: CreateWebhookSubscriptionRequest,
  ): Promise<CreatedWebhookSubscriptionDto> {
    requireWebhookAdmin(op);
    await this.checkUrl(req.url);
    const secret = generateWebhookSecret();
    return this.ds.transaction(async (em) => {
      const sub = await this.repo.insert(em, {
        accountId: op.accountId,
        url: req.url,
        description: req.description,
        eventTypes: req.eventTypes,
        enabled: req.enabled,
        includeNotes: req.includeNotes,
        secretSealed: this.box.seal(secret),
      });
      await this.record(em, op, ip, sub, 'webhook.created', {
        url: sub.url,
        eventTypes: sub.eventTypes,
      });
      return { ...toWebhookSubscriptionDto(sub), secret };
    });
  }

  async update(
    op: AuthenticatedOperator,
    ip: string,
    id: string,
    req: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionDto> {
    requireWebhookAdmin(op);
    if (req.url !== undefined) await this.checkUrl(req.url);
    return this.ds.transaction(async (em) => {
      const sub = await this.lock(em, op, id);
      const changes: WebhookSubscriptionChanges = {};
      for (const key of ['url', 'description', 'eventTypes', 'enabled', 'includeNotes'] as const)
        if (req[key] !== undefined && JSON.stringify(req[key]) !== JSON.stringify(sub[key]))
          Object.assign(changes, { [key]: req[key] });
      if (Object.keys(changes).length === 0) return toWebhookSubscriptionDto(sub);
      // An admin turning it back on has dealt with the reason the server turned it off.
      if (changes.enabled === true) changes.disabledReason = null;
      const updated = await this.repo.update(em, sub.id, changes);
      await this.record(em, op, ip, updated, 'webhook.updated', {
        changed: Object.keys(changes).filter((k) => k !== 'disabledReason'),
        ...(changes.url ? { url: changes.url } : {}),
      });
      return toWebhookSubscriptionDto(updated);
    });
  }

  async remove(op: AuthenticatedOperator, ip: string, id: string): Promise<void> {
    requireWebhookAdmin(op);
    await this.ds.transaction(async (em) => {
      const sub = await this.lock(em, op, id);
      await this.repo.delete(em, sub.id);
      await this.record(em, op, ip, sub, 'webhook.deleted', { url: sub.url });
    });
  }

  /** A new secret, shown once; the old one stops signing at once. */
  async rotateSecret(op: AuthenticatedOperator, ip: string, id: string): Promise<WebhookSecretDto> {
    requireWebhookAdmin(op);
    const secret = generateWebhookSecret();
    await this.ds.transaction(async (em) => {
      const sub = await this.lock(em, op, id);
      await this.repo.update(em, sub.id, { secretSealed: this.box.seal(secret) });
      await this.record(em, op, ip, sub, 'webhook.secret_rotated', {});
    });
    return { secret };
  }

  checkUrl(url: string): Promise<void> {
    return checkWebhookTarget(url, this.config.ALLOW_PRIVATE_NETWORK_TARGETS);
  }

  private async lock(
    em: EntityManager,
    op: AuthenticatedOperator,
    id: string,
  ): Promise<WebhookSubscriptionEntity> {
    const sub = await this.repo.lockInAccount(em, op.accountId, id);
    if (!sub) throw notFound('Webhook subscription');
    return sub;
  }

  private record(
    em: EntityManager,
    op: AuthenticatedOperator,
    ip: string,
    sub: WebhookSubscriptionEntity,
    action: 'webhook.created' | 'webhook.updated' | 'webhook.deleted' | 'webhook.secret_rotated',
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        accountId: op.accountId,
        action,
        targetType: 'webhook_subscription',
        targetId: sub.id,
        targetLabel: sub.description || sub.url,
        details,
      },
      { operator: op, ip },
      em,
    );
  }
}
