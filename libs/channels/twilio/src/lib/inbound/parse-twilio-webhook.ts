import {
  ChannelInputError,
  providerTextExcerpt,
  type InboundEvent,
  type WebhookRequest,
} from '@switchboard/channels-core';
import { parseUrl } from '../twilio-origin';
import { ambiguousKeys, parseFormParams, singleValues } from './form-params';
import { parseInboundMessage } from './parse-inbound-message';
import { parseStatusCallback } from './parse-status-callback';

export type TwilioWebhookKind = 'message' | 'status';

/**
 * Inbound messages and status callbacks come to the same endpoint; the status callback URL we
 * give Twilio carries `?event=status`. A callback without it (a status URL set on the sender in the
 * console) is still recognised by its shape: a MessageStatus that is not "received", and no
 * message content. Content that says "received" is a customer's message, whatever the URL says.
 */
export function classifyTwilioWebhook(
  params: Record<string, string>,
  url: string,
): TwilioWebhookKind {
  const status = (params['MessageStatus'] ?? params['SmsStatus'] ?? '').toLowerCase();
  const hasContent = params['Body'] !== undefined || params['NumMedia'] !== undefined;
  if (status === 'received' && hasContent) return 'message';
  if (parseUrl(url)?.searchParams.get('event') === 'status') return 'status';
  if (params['MessageStatus'] !== undefined && !hasContent) return 'status';
  return 'message';
}

export function parseTwilioWebhook(
  req: WebhookRequest,
  sender: string,
  now: () => Date = () => new Date(),
): InboundEvent[] {
  const form = parseFormParams(req.rawBody);
  const ambiguous = ambiguousKeys(form);
  if (ambiguous.length)
    throw new ChannelInputError(
      `Parameters repeated with different values: ${providerTextExcerpt(ambiguous.slice(0, 5).join(', '))}`,
    );
  const params = singleValues(form);
  if (Object.keys(params).length === 0)
    throw new ChannelInputError('Empty body: Twilio posts form-encoded parameters');
  if (classifyTwilioWebhook(params, req.url) === 'status') {
    // A status callback that reached us with SmsStatus only (older webhooks) still counts.
    const withStatus =
      params['MessageStatus'] === undefined && params['SmsStatus'] !== undefined
        ? { ...params, MessageStatus: params['SmsStatus'] }
        : params;
    return parseStatusCallback(withStatus, now);
  }
  return parseInboundMessage(params, sender, now);
}
