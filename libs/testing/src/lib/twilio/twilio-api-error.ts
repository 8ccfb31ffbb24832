/**
 * A failed REST call, answered with Twilio's error JSON
 * (`{ code, message, more_info, status }`) and the same HTTP status.
 */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  body(): { code: number; message: string; more_info: string; status: number } {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

/** The errors the fake answers with; messages are Twilio's own wording. */
export const twilioErrors = {
  authenticate: () => new TwilioApiError(401, 20003, 'Authenticate'),
  notFound: (path: string) =>
    new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  methodNotAllowed: () => new TwilioApiError(405, 20004, 'Method not allowed'),
  tooManyRequests: () =>
    new TwilioApiError(429, 20429, 'Too Many Requests', { 'Retry-After': '1' }),
  toRequired: () => new TwilioApiError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => new TwilioApiError(400, 21603, "A 'From' phone number is required."),
  invalidTo: (to: string) =>
    new TwilioApiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  channelMismatch: () =>
    new TwilioApiError(
      400,
      21910,
      'Invalid From and To pair. From and To should be of the same channel',
    ),
  notAnSmsSender: (from: string) =>
    new TwilioApiError(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    ),
  notAWhatsappSender: () =>
    new TwilioApiError(
      400,
      63007,
      'Twilio could not find a Channel with the specified From address',
    ),
  unsubscribed: () => new TwilioApiError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  bodyRequired: () =>
    new TwilioApiError(400, 21619, 'A text message body or media urls must be specified.'),
  bodyTooLong: () =>
    new TwilioApiError(
      400,
      21617,
      'The concatenated message body exceeds the 1600 character limit.',
    ),
  tooManyMedia: () =>
    new TwilioApiError(400, 21623, 'The number of media files exceeds the allowed limit of 10.'),
  contentSidInvalid: () => new TwilioApiError(400, 21655, 'The ContentSid is Invalid.'),
  contentVariablesInvalid: () =>
    new TwilioApiError(400, 21656, 'The ContentVariables Parameter is invalid.'),
} as const;
