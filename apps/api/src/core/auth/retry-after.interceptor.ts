import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';
import { AppException } from '../http/app.exception';

/**
 * Turns an AppException's `details.retryAfterSeconds` into the Retry-After header, so a client
 * told to slow down (429) or come back (503) knows exactly when.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        const seconds = retryAfterOf(err);
        if (seconds !== null && ctx.getType() === 'http') {
          const res = ctx.switchToHttp().getResponse<Response>();
          if (!res.headersSent) res.setHeader('Retry-After', String(seconds));
        }
        return throwError(() => err);
      }),
    );
  }
}

function retryAfterOf(err: unknown): number | null {
  if (!(err instanceof AppException)) return null;
  const seconds = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? Math.ceil(seconds)
    : null;
}
