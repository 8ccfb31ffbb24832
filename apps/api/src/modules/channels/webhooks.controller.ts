import { Controller, HttpCode, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WebhookRequest } from '@switchboard/channels-core';
import type { Request } from 'express';
import { Inject } from '@nestjs/common';
import { Public } from '../../core/auth/auth.guard';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { AppException, notFound } from '../../core/http/app.exception';
import { InboxesService } from '../inboxes/inboxes.service';
import { ChannelRegistryService } from './channel-registry.service';
import { InboundPipelineService } from './inbound-pipeline.service';

/**
 * One endpoint for every webhook-driven channel: verify the provider's signature, let the adapter
 * normalise the body, ingest. Answers 2xx only after the events are committed, so a provider that
 * got no answer redelivers and the unique keys make that harmless.
 */
@ApiTags('channels')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
    private readonly pipeline: InboundPipelineService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post(':inboxId')
  @HttpCode(200)
  async receive(@Param('inboxId') inboxId: string, @Req() req: RawBodyRequest<Request>) {
    const { inbox, context } = await this.inboxes.loadContext(inboxId);
    if (inbox.removedAt) throw notFound('Inbox');
    const adapter = this.registry.get(inbox.kind);
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}${req.originalUrl}`;
    // Express honours X-Forwarded-Proto/Host only from the proxies `trust proxy` names.
    const forwarded = `${req.protocol}://${req.host}${req.originalUrl}`;
    const webhook: WebhookRequest = {
      method: req.method,
      url,
      alternateUrls: forwarded !== url ? [forwarded] : [],
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k.toLowerCase(),
          Array.isArray(v) ? v.join(', ') : v,
        ]),
      ),
      rawBody: req.rawBody ?? Buffer.alloc(0),
    };
    if (!(await adapter.verifyWebhook(webhook, context))) {
      const reason = 'Webhook signature is missing, wrong, expired or for another URL';
      throw adapter.manifest.forgedWebhookStatus === 403
        ? new AppException('FORBIDDEN', reason)
        : new AppException('WEBHOOK_SIGNATURE_INVALID', reason);
    }
    const events = await adapter.parseInbound(webhook, context);
    const outcomes = await this.pipeline.ingest(inbox, events);
    const receipts = (result: string) =>
      outcomes.filter((o) => o.kind === 'status' && o.result === result).length;
    return {
      received: outcomes.length,
      stored: outcomes.filter((o) => o.kind === 'stored').length,
      duplicates: outcomes.filter((o) => o.kind === 'duplicate').length,
      receipts: {
        applied: receipts('applied'),
        held: receipts('held'),
        unchanged: receipts('unchanged'),
      },
      // What was left out and why: the provider can fix it without redelivering the rest.
      skipped: outcomes.flatMap((o) =>
        o.kind === 'skipped' ? [{ externalId: o.externalId, reason: o.reason }] : [],
      ),
    };
  }
}
