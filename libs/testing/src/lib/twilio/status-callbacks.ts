import { deliveryErrorMessage } from './delivery-error-codes';
import type { FakeTwilioMessageStatus, FakeTwilioStatusCallbackOptions } from './fake-twilio-types';
import type { OutboundMessage } from './stored-message';
import { parseTwilioAddress } from './twilio-address';

/** What Twilio reports for a message that went through: WhatsApp also reports reading. */
export function defaultStatusSequence(message: OutboundMessage): FakeTwilioMessageStatus[] {
  return message.channel === 'whatsapp' ? ['sent', 'delivered', 'read'] : ['sent', 'delivered'];
}

export function isFailure(status: FakeTwilioMessageStatus): boolean {
  return status === 'failed' || status === 'undelivered';
}

/**
 * The form of one status callback, with the parameters Twilio sends for the channel:
 * WhatsApp adds the channel fields and an `EventType` for delivered / read.
 */
export function statusCallbackParams(
  message: OutboundMessage,
  status: FakeTwilioMessageStatus,
  errorCode: number | null,
  now: number,
): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: '2010-04-01',
    From: message.from,
    MessageSid: message.sid,
    MessageStatus: status,
    SmsSid: message.sid,
    SmsStatus: status,
    To: message.to,
  };
  if (message.channel === 'whatsapp') {
    params['ChannelPrefix'] = 'whatsapp';
    params['ChannelToAddress'] = parseTwilioAddress(message.to)?.e164 ?? message.to;
    params['StructuredMessage'] = 'false';
    if (status === 'delivered') params['EventType'] = 'DELIVERED';
    if (status === 'read') params['EventType'] = 'READ';
  } else if (status === 'delivered') {
    params['RawDlrDoneDate'] = rawDlrDate(now);
  }
  if (isFailure(status) && errorCode !== null) {
    params['ErrorCode'] = String(errorCode);
    params['ErrorMessage'] = deliveryErrorMessage(errorCode);
  }
  return params;
}

/** The order callbacks go out: as given, twice over when duplicated, then shuffled if asked. */
export function callbackOrder(
  statuses: readonly FakeTwilioMessageStatus[],
  opts: FakeTwilioStatusCallbackOptions,
): FakeTwilioMessageStatus[] {
  const sequence = opts.duplicate ? [...statuses, ...statuses] : [...statuses];
  return opts.shuffle ? shuffled(sequence) : sequence;
}

/** A random permutation that differs from the input whenever any permutation can. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  if (out.every((item, i) => item === items[i])) {
    // Rotating moves every element; it differs from the input unless all elements are equal.
    out.push(out.shift() as T);
  }
  return out;
}

/** `YYMMDDhhmm` in UTC, the carrier's delivery-receipt time Twilio forwards for SMS. */
function rawDlrDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return (
    iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16)
  );
}
