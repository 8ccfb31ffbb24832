import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createWebhookSubscriptionRequestSchema,
  listWebhookDeliveriesQuerySchema,
  updateWebhookSubscriptionRequestSchema,
  type CreatedWebhookSubscriptionDto,
  type CreateWebhookSubscriptionRequest,
  type ListWebhookDeliveriesQuery,
  type Page,
  type UpdateWebhookSubscriptionRequest,
  type WebhookDeliveryDto,
  type WebhookSecretDto,
  type WebhookSubscriptionDto,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { OutgoingWebhooksService } from './outgoing-webhooks.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Integrators' webhook subscriptions and their delivery logs (admins only). */
@ApiTags('outgoing webhooks')
@ApiBearerAuth()
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly webhooks: OutgoingWebhooksService,
  ) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<WebhookSubscriptionDto[]> {
    return this.subscriptions.list(op);
  }

  /** The answer carries the signing secret: the only time it is shown. */
  @Post()
  @ApiZodBody(createWebhookSubscriptionRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(createWebhookSubscriptionRequestSchema)) body: CreateWebhookSubscriptionRequest,
  ): Promise<CreatedWebhookSubscriptionDto> {
    return this.subscriptions.create(op, ip, body);
  }

  @Get(':id')
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.get(op, id);
  }

  @Patch(':id')
  @ApiZodBody(updateWebhookSubscriptionRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(updateWebhookSubscriptionRequestSchema)) body: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.update(op, ip, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.subscriptions.remove(op, ip, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<WebhookSecretDto> {
    return this.subscriptions.rotateSecret(op, ip, id);
  }

  /** Newest first, keyset-paged. */
  @Get(':id/deliveries')
  deliveries(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Query(parseWith(listWebhookDeliveriesQuerySchema)) query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.listDeliveries(op, id, query);
  }
}
