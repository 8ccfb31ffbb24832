import { Injectable, NestMiddleware } from '@nestjs/common';
import { isOriginAllowed, webchatSettingsSchema } from '@switchboard/channels-webchat';
import type { NextFunction, Request, Response } from 'express';
import { InboxesService } from '../../inboxes/inboxes.service';

const INBOX_IN_PATH = /\/widget\/([0-9a-fA-F-]{36})(\/|$)/;

/**
 * CORS for the visitor API, per inbox: only the inbox's allowed origins may call it from a
 * browser. No credentials are ever allowed (the visitor token travels in a header, not a cookie).
 */
@Injectable()
export class WidgetCorsMiddleware implements NestMiddleware {
  constructor(private readonly inboxes: InboxesService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const origin = req.headers.origin;
    const inboxId = INBOX_IN_PATH.exec(req.originalUrl)?.[1];
    res.setHeader('Vary', 'Origin');
    if (!origin || !inboxId) return next();
    const allowed = await this.allowed(inboxId, origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, X-Client-Message-Id',
      );
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method !== 'OPTIONS') return next();
    if (!allowed) {
      res.status(403).json({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'This website is not allowed to use this chat (origin not in the allow-list)',
      });
      return;
    }
    res.status(204).end();
  }

  private async allowed(inboxId: string, origin: string): Promise<boolean> {
    try {
      const inbox = await this.inboxes.row(inboxId);
      if (inbox.kind !== 'webchat') return false;
      const settings = webchatSettingsSchema.safeParse(inbox.settings);
      return settings.success && isOriginAllowed(origin, settings.data.allowedOrigins);
    } catch {
      return false;
    }
  }
}
