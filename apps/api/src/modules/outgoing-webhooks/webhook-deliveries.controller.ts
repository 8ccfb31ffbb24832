import { Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  listWebhookDeliveriesQuerySchema,
  type ListWebhookDeliveriesQuery,
  type Page,
  type WebhookDeliveryDto,
  type WebhookSecretDto,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { OutgoingWebhooksService } from './outgoing-webhooks.service';

/** Resending a delivery, and the calls rules make (`call_webhook`) with their secret. Admins only. */
@ApiTags('outgoing webhooks')
@ApiBearerAuth()
@Controller()
export class WebhookDeliveriesController {
  constructor(private readonly webhooks: OutgoingWebhooksService) {}

  @Post('webhook-deliveries/:id/resend')
  @HttpCode(200)
  resend(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.resend(op, id);
  }

  @Get('rule-webhooks/deliveries')
  ruleDeliveries(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listWebhookDeliveriesQuerySchema)) query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.listRuleDeliveries(op, query);
  }

  @Get('rule-webhooks/secret')
  ruleSecret(@CurrentOperator() op: AuthenticatedOperator): Promise<WebhookSecretDto> {
    return this.webhooks.ruleSecret(op);
  }

  @Post('rule-webhooks/rotate-secret')
  @HttpCode(200)
  rotateRuleSecret(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
  ): Promise<WebhookSecretDto> {
    return this.webhooks.rotateRuleSecret(op, ip);
  }
}
