import { AppException } from '../http/app.exception';

/** 429: too many failed sign-ins; `retryAfterSeconds` becomes the Retry-After header. */
export class SignInThrottledException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      `Too many failed sign-ins. Try again in ${describeWait(retryAfterSeconds)}.`,
      { retryAfterSeconds },
    );
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
