/** Machine-readable error codes returned in ApiErrorDto.code. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** A colleague replied to the customer after the last message the operator saw: 409, details say who. */
  'REPLY_COLLISION',
  'TEXT_TOO_LONG',
  /** A text field holds a control character or broken Unicode: 422, the reason names it. */
  'INVALID_CHARACTERS',
  'INVALID_STATE',
  /** A tag name that is empty (after trimming) or longer than 64 characters: 422, with the reason. */
  'INVALID_TAG_NAME',
  /** A note @mentions an id that is not an active operator of the account: 422, naming it. */
  'UNKNOWN_MENTION',
  /** A one-time link that was used already or expired: 410. */
  'GONE',
  'WEBHOOK_SIGNATURE_INVALID',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'CHANNEL_ERROR',
  /** The provider refused the channel's credentials or settings on save: 422 with its reason. */
  'CHANNEL_CONNECT_FAILED',
  /** Free text outside the channel's reply window (WhatsApp, 24 h): 422; send a template instead. */
  'REPLY_WINDOW_CLOSED',
  'OVERLOADED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
