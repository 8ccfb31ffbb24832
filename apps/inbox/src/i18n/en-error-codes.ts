import type { ApiErrorCode } from '@switchboard/contracts';

/**
 * What the inbox says for each error code the API answers with, in the operator's language. The
 * `satisfies` makes a code added to API_ERROR_CODES without a text fail the type check.
 */
const codeTexts = {
  'error.VALIDATION_FAILED': 'Some fields are not valid: {details}',
  'error.UNAUTHENTICATED': 'Your session has ended. Sign in again.',
  'error.FORBIDDEN': 'You do not have permission to do this. Ask an admin.',
  'error.NOT_FOUND': 'This item no longer exists.',
  'error.CONFLICT':
    'This clashes with something that exists or was just changed. Reload and try again.',
  'error.REPLY_COLLISION': 'A colleague replied to the customer meanwhile. Read their reply first.',
  'error.ALREADY_SENT': 'Too late to undo: the reply has already been sent.',
  'error.TEXT_TOO_LONG': 'The text is too long. Shorten it and try again.',
  'error.INVALID_CHARACTERS': 'The text contains characters that cannot be saved. Remove them.',
  'error.INVALID_STATE': 'This cannot be done in its current state. Reload and try again.',
  'error.INVALID_TAG_NAME': 'A tag name needs between 1 and 64 characters.',
  'error.SEARCH_TOO_BROAD': 'This search is too broad. Add more words.',
  'error.UNKNOWN_MENTION': 'Someone you mentioned is not an active member of this account.',
  'error.INVALID_ATTRIBUTE_VALUE': 'A contact field has a value of the wrong type.',
  'error.INVALID_IMPORT': 'The file was not imported and nothing changed. Fix the listed rows.',
  'error.GONE': 'This link was already used or has expired. Ask for a new one.',
  'error.WEBHOOK_SIGNATURE_INVALID': 'The request signature is not valid.',
  'error.RATE_LIMITED': 'Too many attempts. Try again in {seconds} s.',
  'error.PAYLOAD_TOO_LARGE': 'This is too large to upload or save.',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'This file is not accepted here: this channel or form does not take files of this kind.',
  'error.CHANNEL_ERROR': 'The channel provider did not accept the request: {reason}',
  'error.CHANNEL_CONNECT_FAILED': 'The provider refused these settings: {reason}',
  'error.REPLY_WINDOW_CLOSED':
    'The customer’s reply window has closed. Send an approved template instead.',
  'error.MERGE_CONFIRMATION_REQUIRED':
    'These conversations belong to different customers. Confirm to merge them.',
  'error.INVALID_MOVE': 'Not possible: at least one message must stay in the conversation.',
  'error.TASK_DUE_IN_PAST': 'The due time must be in the future.',
  'error.TASK_ASSIGNEE_UNAVAILABLE':
    'This person cannot take the task: deactivated or without access to its inbox.',
  'error.ROUTING_SETTINGS_INVALID':
    'These routing settings cannot be used. Check the team’s members and limits.',
  'error.INVALID_CONTACT_MERGE': 'These contacts cannot be merged with each other.',
  'error.CONTACT_ALREADY_MERGED':
    'One of these contacts was already merged into another. Reload and try again.',
  'error.MERGE_UNDO_UNAVAILABLE': 'This merge can no longer be undone.',
  'error.WEBHOOK_TARGET_REFUSED': 'This address cannot be called. Use a public https URL.',
  'error.INVALID_RULE': 'This rule cannot be saved: {reason}',
  'error.INVALID_BUSINESS_HOURS':
    'These business hours cannot be used. Check the timezone and holidays.',
  'error.INVALID_SLA_POLICY':
    'This SLA policy cannot be saved. Set a target and check its inboxes.',
  'error.INVALID_RATING': 'The rating is outside the scale.',
  'error.INVALID_REPORT_PERIOD':
    'This period cannot be reported: it ends before it starts or is too long.',
  'error.INVALID_TIMEZONE': 'This timezone is unknown. Choose one from the list.',
  'error.INVALID_TIME_ADJUSTMENT':
    'This correction is not possible: too much time removed, or a day outside the allowed range.',
  'error.OVERLOADED': 'The server is busy. Try again in a few seconds.',
  'error.UNAVAILABLE': 'The server is briefly unavailable. Try again in a few seconds.',
  'error.INTERNAL':
    'Something went wrong on the server. Try again; if it persists, tell your admin.',
} as const satisfies Record<`error.${ApiErrorCode}`, string>;

/** Variants for when the server did not say which fields, or when to retry. */
const variantTexts = {
  'error.VALIDATION_FAILED_plain': 'Some values are not valid. Check them and try again.',
  'error.RATE_LIMITED_plain': 'Too many attempts. Wait a moment and try again.',
  'error.CONFLICT_named':
    '{name} already has this. Open that one instead, or change what you entered.',
} as const;

export const enErrorCodes = { ...codeTexts, ...variantTexts } as const;
