import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiExceptionFilter } from '../../../core/http/api-exception.filter';
import { WidgetRateLimitedException } from '../services/widget-rate-limited.exception';

/**
 * The API's error answer, plus two things the public widget routes need: Retry-After on a 429
 * (guards throw before any interceptor could add it), and, when we answer before reading the
 * request body (a refused upload), `Connection: close`, so the rest of the body is never read.
 */
@Catch()
export class WidgetExceptionFilter extends ApiExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'http') {
      const res = host.switchToHttp().getResponse<Response>();
      const req = host.switchToHttp().getRequest<Request>();
      if (!res.headersSent) {
        if (exception instanceof WidgetRateLimitedException)
          res.setHeader('Retry-After', String(exception.retryAfterSeconds));
        if (!req.complete) res.setHeader('Connection', 'close');
      }
    }
    super.catch(exception, host);
  }
}
