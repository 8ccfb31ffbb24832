/** Machine-readable error codes returned in ApiErrorDto.code. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** A colleague replied to the customer after the last message the operator saw: 409, details say who. */
  'REPLY_COLLISION',
  /** Undo send after the reply's Undo window closed: it has left (or is leaving): 409. */
  'ALREADY_SENT',
  'TEXT_TOO_LONG',
  /** A text field holds a control character or broken Unicode: 422, the reason names it. */
  'INVALID_CHARACTERS',
  'INVALID_STATE',
  /** A tag name that is empty (after trimming) or longer than 64 characters: 422, with the reason. */
  'INVALID_TAG_NAME',
  /** Counting a search over every message would take too long (a very common word): 422. */
  'SEARCH_TOO_BROAD',
  /** A note @mentions an id that is not an active operator of the account: 422, naming it. */
  'UNKNOWN_MENTION',
  /** A contact attribute value of the wrong type, or an unknown attribute: 422, naming it. */
  'INVALID_ATTRIBUTE_VALUE',
  /** A CSV import with unreadable or refused rows: 422, details list them by row; nothing changed. */
  'INVALID_IMPORT',
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
  /** Merging conversations of two different customers needs `confirm: true`: 409. */
  'MERGE_CONFIRMATION_REQUIRED',
  /** A merge or split that cannot be: into itself, or moving every message out: 422. */
  'INVALID_MOVE',
  /** A task's due time is not in the future: 422. */
  'TASK_DUE_IN_PAST',
  /** A task's assignee cannot take it (another account, deactivated, no access to a linked inbox): 422 with the reason. */
  'TASK_ASSIGNEE_UNAVAILABLE',
  /** Team routing settings that cannot be (round-robin on a team with no members, a maximum out of range, a non-member): 422 with the reason. */
  'ROUTING_SETTINGS_INVALID',
  /** A contact merge that cannot be: into itself, or without `confirm: true`: 422. */
  'INVALID_CONTACT_MERGE',
  /** One of the two contacts was merged into another already (retired): 409. */
  'CONTACT_ALREADY_MERGED',
  /** A contact merge that can no longer be undone (undone already, past 30 days, merged again since): 409. */
  'MERGE_UNDO_UNAVAILABLE',
  /** An outgoing webhook URL the server will not call (a private address, plain http): 422, the reason. */
  'WEBHOOK_TARGET_REFUSED',
  /** An automation rule that cannot be saved (unknown reference, a loop, a private webhook URL ...): 422 with the reason. */
  'INVALID_RULE',
  /** A business-hours schedule the server cannot use (an unknown timezone): 422, the reason. */
  'INVALID_BUSINESS_HOURS',
  /** An SLA policy that cannot be (no target, another account's inbox): 422, the reason. */
  'INVALID_SLA_POLICY',
  /** A survey rating outside its scale (1–5, 0–10): 422. */
  'INVALID_RATING',
  /** A report period that ends before it starts, or is longer than MAX_REPORT_DAYS: 422, the reason. */
  'INVALID_REPORT_PERIOD',
  /** An IANA timezone the server does not know: 422, naming it. */
  'INVALID_TIMEZONE',
  /** A time correction that would take an operator's time on a conversation below 0: 422, the most it may remove. */
  'INVALID_TIME_ADJUSTMENT',
  'OVERLOADED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
