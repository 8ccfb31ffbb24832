import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  listNotificationsQuerySchema,
  markNotificationsReadRequestSchema,
  type ListNotificationsQuery,
  type MarkNotificationsReadRequest,
  type NotificationCountDto,
  type NotificationItemDto,
  type Page,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { NotificationCentreService } from './notification-centre.service';

/** The signed-in operator's notification centre: stored server-side, so every tab agrees. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly centre: NotificationCentreService) {}

  @Get()
  @ApiZodQuery(listNotificationsQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listNotificationsQuerySchema)) q: ListNotificationsQuery,
  ): Promise<Page<NotificationItemDto>> {
    return this.centre.list(op, q);
  }

  @Get('unread-count')
  count(@CurrentOperator() op: AuthenticatedOperator): Promise<NotificationCountDto> {
    return this.centre.count(op);
  }

  /** Marks some, one conversation's, or all notifications read, and tells the operator's other tabs. */
  @Post('read')
  @HttpCode(200)
  @ApiZodBody(markNotificationsReadRequestSchema)
  markRead(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(markNotificationsReadRequestSchema)) body: MarkNotificationsReadRequest,
  ): Promise<NotificationCountDto> {
    return this.centre.markRead(op, body);
  }
}
