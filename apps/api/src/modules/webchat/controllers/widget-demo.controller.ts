import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../../core/auth/auth.guard';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { notFound } from '../../../core/http/app.exception';
import { InboxesService } from '../../inboxes/inboxes.service';
import { WidgetDemoRepository } from '../repositories/widget-demo.repository';

/**
 * Development only: tells the demo page (/widget/demo/) which web chat inbox to embed, creating
 * one on first use so `npm start` shows both sides of a chat without any setup.
 */
@ApiExcludeController()
@Public()
@Controller('widget-demo')
export class WidgetDemoController {
  constructor(
    private readonly lookups: WidgetDemoRepository,
    private readonly inboxes: InboxesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async demo(): Promise<{ inboxId: string }> {
    if (this.config.NODE_ENV === 'production') throw notFound('Demo');
    const existingId = await this.lookups.findOldestWebchatInboxId();
    if (existingId) return { inboxId: existingId };
    const accountId = await this.lookups.findOldestAccountId();
    if (!accountId) throw notFound('Account');
    const inbox = await this.inboxes.create(accountId, {
      kind: 'webchat',
      name: 'Website chat',
      // Switchboard's own origin (where the demo page lives) is always allowed.
      settings: {
        allowedOrigins: [],
        greeting: 'Hi! This is the Switchboard demo shop. Ask us anything.',
      },
      secrets: { hmacSecret: randomBytes(32).toString('hex') },
    });
    return { inboxId: inbox.id };
  }
}
