/** Machine-readable error codes returned in ApiErrorDto.code. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TEXT_TOO_LONG',
  /** A text field holds a control character or broken Unicode: 422, the reason names it. */
  'INVALID_CHARACTERS',
  'INVALID_STATE',
  'WEBHOOK_SIGNATURE_INVALID',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'CHANNEL_ERROR',
  'OVERLOADED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
