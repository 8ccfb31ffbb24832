import { HttpException } from '@nestjs/common';
import type { ApiErrorCode } from '@switchboard/contracts';

/** Domain error with a machine-readable code; the filter turns it into ApiErrorDto. */
export class AppException extends HttpException {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message, statusForCode(code));
  }
}

export function statusForCode(code: ApiErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'WEBHOOK_SIGNATURE_INVALID':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'REPLY_COLLISION':
    case 'ALREADY_SENT':
    case 'INVALID_STATE':
    case 'MERGE_CONFIRMATION_REQUIRED':
    case 'CONTACT_ALREADY_MERGED':
    case 'MERGE_UNDO_UNAVAILABLE':
      return 409;
    case 'GONE':
      return 410;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'TEXT_TOO_LONG':
    case 'INVALID_CHARACTERS':
    case 'INVALID_TAG_NAME':
    case 'SEARCH_TOO_BROAD':
    case 'UNKNOWN_MENTION':
    case 'INVALID_ATTRIBUTE_VALUE':
    case 'INVALID_IMPORT':
    case 'CHANNEL_CONNECT_FAILED':
    case 'REPLY_WINDOW_CLOSED':
    case 'INVALID_MOVE':
    case 'INVALID_CONTACT_MERGE':
    case 'TASK_DUE_IN_PAST':
    case 'TASK_ASSIGNEE_UNAVAILABLE':
    case 'INVALID_RULE':
    case 'ROUTING_SETTINGS_INVALID':
    case 'WEBHOOK_TARGET_REFUSED':
    case 'INVALID_BUSINESS_HOURS':
    case 'INVALID_SLA_POLICY':
    case 'INVALID_RATING':
    case 'INVALID_REPORT_PERIOD':
    case 'INVALID_TIMEZONE':
    case 'INVALID_TIME_ADJUSTMENT':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'CHANNEL_ERROR':
      return 502;
    case 'OVERLOADED':
    case 'UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
    default:
      return assertNever(code);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled error code ${String(value)}`);
}

export const notFound = (what: string) => new AppException('NOT_FOUND', `${what} not found`);
