import { ChannelInputError, type InboundEvent } from '@switchboard/channels-core';
import { describeTwilioError } from '../twilio-error-codes';
import { twilioStatusParamsSchema } from './twilio-webhook.schema';

/** Twilio's interim statuses: the message has not left Twilio yet, nothing to show. */
const INTERIM = new Set(['queued', 'accepted', 'sending', 'scheduled', 'receiving', 'received']);

/** Statuses that mean the message will never arrive. */
const FAILED = new Set(['failed', 'undelivered', 'canceled']);

/**
 * A status callback (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status):
 * one receipt for one of our messages. Twilio sends no time, so the receipt is stamped now.
 */
export function parseStatusCallback(
  params: Record<string, string>,
  now: () => Date = () => new Date(),
): InboundEvent[] {
  const parsed = twilioStatusParamsSchema.safeParse(params);
  if (!parsed.success)
    throw new ChannelInputError(
      'Not a Twilio status callback (it needs MessageSid and MessageStatus)',
      { cause: parsed.error },
    );
  const { MessageSid: externalId, ErrorCode, ErrorMessage } = parsed.data;
  const status = parsed.data.MessageStatus.toLowerCase();
  if (status === 'sent' || status === 'delivered' || status === 'read')
    return [{ type: 'status', externalId, status, at: now() }];
  if (FAILED.has(status))
    return [
      {
        type: 'status',
        externalId,
        status: 'failed',
        reason:
          ErrorCode === undefined && !ErrorMessage
            ? `Twilio reported the message ${status}`
            : describeTwilioError(ErrorCode ?? null, ErrorMessage),
        at: now(),
      },
    ];
  if (INTERIM.has(status))
    return [{ type: 'ignored', externalId, reason: `Interim Twilio status "${status}"` }];
  return [{ type: 'ignored', externalId, reason: `Unknown Twilio status "${status}"` }];
}
