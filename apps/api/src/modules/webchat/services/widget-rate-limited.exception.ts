import { AppException } from '../../../core/http/app.exception';

/** 429 from the public widget; `retryAfterSeconds` becomes the Retry-After header and is in the body. */
export class WidgetRateLimitedException extends AppException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', `${message} Try again in ${describeWait(retryAfterSeconds)}.`, {
      retryAfterSeconds,
    });
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
