import type { AccountState } from './account-state';
import type { FakeTwilioCustomerMessageOptions } from './fake-twilio-types';
import type { MediaStore } from './media-store';
import { smsSegments } from './message-segments';
import { parseTwilioAddress, whatsappId } from './twilio-address';
import { newSid } from './twilio-sids';

/** Twilio's default opt-out and opt-in keywords (Advanced Opt-Out), matched on the whole body. */
const OPT_OUT = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
]);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

export interface CustomerMessage {
  messageSid: string;
  params: Record<string, string>;
  inboundUrl: string;
}

/**
 * Turns "the customer writes" into the webhook form Twilio posts to the sender's inbound URL,
 * storing its media (reachable at `MediaUrl{N}` with the account's credentials) and the inbound
 * message, opening the WhatsApp window and applying STOP / START for SMS on the way.
 */
export function customerMessage(
  account: AccountState,
  media: MediaStore,
  apiOrigin: string,
  input: { from: string; to: string; body: string; opts: FakeTwilioCustomerMessageOptions },
  now: number,
): CustomerMessage {
  const { from, to, body, opts } = input;
  const sender = account.senders.get(to);
  if (!sender) throw new Error(`FakeTwilio.customerSays: ${to} is not a sender of ${account.sid}`);
  const customer = parseTwilioAddress(from);
  if (!customer || customer.channel !== sender.address.channel) {
    throw new Error(`FakeTwilio.customerSays: ${from} cannot write to ${to}`);
  }
  const files = opts.media ?? [];
  const messageSid = newSid(files.length > 0 ? 'MM' : 'SM');
  const whatsapp = customer.channel === 'whatsapp';

  const params: Record<string, string> = {
    AccountSid: account.sid,
    ApiVersion: '2010-04-01',
    Body: body,
    From: from,
    MessageSid: messageSid,
    NumMedia: String(files.length),
    NumSegments: String(whatsapp ? 1 : smsSegments(body)),
    SmsMessageSid: messageSid,
    SmsSid: messageSid,
    SmsStatus: 'received',
    To: to,
  };
  files.forEach((file, n) => {
    const stored = media.put(account.sid, messageSid, file, now);
    params[`MediaContentType${n}`] = file.contentType;
    params[`MediaUrl${n}`] =
      `${apiOrigin}/2010-04-01/Accounts/${account.sid}/Messages/${messageSid}/Media/${stored.sid}`;
  });
  if (opts.location) {
    params['Latitude'] = String(opts.location.latitude);
    params['Longitude'] = String(opts.location.longitude);
    if (opts.location.label !== undefined) params['Label'] = opts.location.label;
    if (opts.location.address !== undefined) params['Address'] = opts.location.address;
  }
  if (opts.buttonText !== undefined) params['ButtonText'] = opts.buttonText;
  if (opts.buttonPayload !== undefined) params['ButtonPayload'] = opts.buttonPayload;
  if (opts.originalRepliedMessageSid !== undefined) {
    params['OriginalRepliedMessageSid'] = opts.originalRepliedMessageSid;
    // The customer replies to what the business sent, so the original sender is the business.
    params['OriginalRepliedMessageSender'] = to;
  }
  if (whatsapp) {
    params['WaId'] = whatsappId(customer);
    params['MessageType'] = messageType(opts);
    params['ReferralNumMedia'] = '0';
    if (opts.profileName !== undefined) params['ProfileName'] = opts.profileName;
    account.noteCustomerMessage(to, from, now);
  } else {
    applyOptOutKeywords(account, from, body, params);
  }

  account.inbound.set(messageSid, {
    sid: messageSid,
    accountSid: account.sid,
    from,
    to,
    body,
    numMedia: files.length,
    channel: customer.channel,
    createdAt: now,
  });
  return { messageSid, params, inboundUrl: sender.inboundUrl };
}

/** WhatsApp's `MessageType`: what kind of message the customer sent. */
function messageType(opts: FakeTwilioCustomerMessageOptions): string {
  if (opts.location) return 'location';
  if (opts.buttonText !== undefined) return 'button';
  const first = opts.media?.[0];
  if (!first) return 'text';
  for (const kind of ['image', 'video', 'audio'] as const) {
    if (first.contentType.startsWith(`${kind}/`)) return kind;
  }
  return 'document';
}

function applyOptOutKeywords(
  account: AccountState,
  from: string,
  body: string,
  params: Record<string, string>,
): void {
  const keyword = body.trim().toUpperCase();
  if (OPT_OUT.has(keyword)) {
    account.unsubscribed.add(from);
    params['OptOutType'] = 'STOP';
  } else if (OPT_IN.has(keyword)) {
    account.unsubscribed.delete(from);
    params['OptOutType'] = 'START';
  }
}
