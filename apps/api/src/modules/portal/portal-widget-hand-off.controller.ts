import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { AppException } from '../../core/http/app.exception';
import { CurrentVisitor, VisitorGuard } from '../webchat/controllers/visitor.guard';
import type { VisitorPrincipal } from '../webchat/services/visitor-auth.service';
import { PortalSignInService } from './portal-sign-in.service';

/**
 * `POST /api/widget/:inboxId/portal-link`: a widget visitor who confirmed their address opens the
 * portal signed in. The answer is a one-time link valid for two minutes, never a session.
 */
@ApiExcludeController()
@Public()
@UseGuards(VisitorGuard)
@Controller('widget/:inboxId/portal-link')
export class PortalWidgetHandOffController {
  constructor(private readonly signIn: PortalSignInService) {}

  @Post()
  @HttpCode(200)
  async handOff(
    @CurrentVisitor() visitor: VisitorPrincipal,
    @Req() req: Request,
  ): Promise<{ url: string; expiresAt: string }> {
    const link = await this.signIn.widgetHandOff(visitor.inbox.id, visitor.visitorKey, req.ip);
    if (!link)
      throw new AppException(
        'FORBIDDEN',
        'Confirm your email address first to see your requests in the portal',
      );
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }
}
