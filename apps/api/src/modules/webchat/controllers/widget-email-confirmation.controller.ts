import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../core/auth/auth.guard';
import {
  confirmationPage,
  confirmationPageHeaders,
  type ConfirmationPage,
} from './email-confirmation-page';
import { FollowUpAddressService } from '../services/follow-up-address.service';

/**
 * The link in the confirmation email. Opening it shows a page with one button; pressing it
 * confirms. Link scanners in mail systems fetch links but do not submit forms, so an address is
 * never confirmed by a machine that merely looked at the email.
 */
@ApiExcludeController()
@Public()
@Controller('widget/:inboxId/contact/confirm')
export class WidgetEmailConfirmationController {
  constructor(private readonly followUp: FollowUpAddressService) {}

  @Get()
  show(
    @Param('inboxId', ParseUUIDPipe) _inboxId: string,
    @Query('token') token: unknown,
    @Res() res: Response,
  ): void {
    const valid = typeof token === 'string' && token.length > 0 && token.length <= 2048;
    send(res, valid ? { kind: 'ask', token } : { kind: 'invalid' });
  }

  @Post()
  @HttpCode(200)
  async confirm(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 2048)
      return send(res, { kind: 'invalid' });
    const { outcome, email } = await this.followUp.confirm(inboxId, token);
    switch (outcome) {
      case 'confirmed':
      case 'already_confirmed':
        return send(res, { kind: 'confirmed', email: email ?? '' });
      case 'address_replaced':
        return send(res, { kind: 'replaced' });
      case 'expired':
        return send(res, { kind: 'expired' });
      case 'invalid':
        return send(res, { kind: 'invalid' });
    }
  }
}

function send(res: Response, page: ConfirmationPage): void {
  const { status, html } = confirmationPage(page);
  for (const [name, value] of Object.entries(confirmationPageHeaders)) res.setHeader(name, value);
  res.status(status).send(html);
}
