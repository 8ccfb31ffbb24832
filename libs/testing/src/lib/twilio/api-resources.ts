import type { AccountState } from './account-state';
import { deliveryErrorMessage } from './delivery-error-codes';
import type { StoredMedia } from './media-store';
import type { InboundMessage, OutboundMessage } from './stored-message';
import { rfc2822 } from './twilio-dates';

/** JSON of the 2010-04-01 API resources, field for field as Twilio answers them. */

const API = '/2010-04-01';

const ACCOUNT_SUBRESOURCES = [
  'addresses',
  'applications',
  'authorized_connect_apps',
  'available_phone_numbers',
  'calls',
  'conferences',
  'connect_apps',
  'incoming_phone_numbers',
  'keys',
  'messages',
  'notifications',
  'outgoing_caller_ids',
  'queues',
  'recordings',
  'signing_keys',
  'transcriptions',
] as const;

function pascal(name: string): string {
  return name
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function accountJson(account: AccountState): Record<string, unknown> {
  const base = `${API}/Accounts/${account.sid}`;
  const subresources: Record<string, string> = {};
  for (const name of ACCOUNT_SUBRESOURCES) subresources[name] = `${base}/${pascal(name)}.json`;
  subresources['balance'] = `${base}/Balance.json`;
  return {
    auth_token: account.authToken,
    date_created: rfc2822(account.createdAt),
    date_updated: rfc2822(account.createdAt),
    friendly_name: account.friendlyName,
    owner_account_sid: account.sid,
    sid: account.sid,
    status: 'active',
    subresource_uris: subresources,
    type: 'Full',
    uri: `${base}.json`,
  };
}

function messageUris(accountSid: string, sid: string): Record<string, unknown> {
  const uri = `${API}/Accounts/${accountSid}/Messages/${sid}`;
  return {
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
    uri: `${uri}.json`,
  };
}

export function outboundMessageJson(message: OutboundMessage): Record<string, unknown> {
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body ?? '',
    date_created: rfc2822(message.createdAt),
    date_sent: message.dateSent === null ? null : rfc2822(message.dateSent),
    date_updated: rfc2822(message.updatedAt),
    direction: 'outbound-api',
    error_code: message.errorCode,
    error_message: message.errorCode === null ? null : deliveryErrorMessage(message.errorCode),
    from: message.from,
    messaging_service_sid: null,
    num_media: String(message.mediaUrls.length),
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    to: message.to,
    ...messageUris(message.accountSid, message.sid),
  };
}

export function inboundMessageJson(message: InboundMessage): Record<string, unknown> {
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body,
    date_created: rfc2822(message.createdAt),
    date_sent: rfc2822(message.createdAt),
    date_updated: rfc2822(message.createdAt),
    direction: 'inbound',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: String(message.numMedia),
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: 'received',
    to: message.to,
    ...messageUris(message.accountSid, message.sid),
  };
}

export function mediaJson(media: StoredMedia): Record<string, unknown> {
  return {
    account_sid: media.accountSid,
    content_type: media.contentType,
    date_created: rfc2822(media.createdAt),
    date_updated: rfc2822(media.createdAt),
    parent_sid: media.messageSid,
    sid: media.sid,
    uri: `${API}/Accounts/${media.accountSid}/Messages/${media.messageSid}/Media/${media.sid}.json`,
  };
}

/**
 * A 2010-04-01 list page: the records under `key` and relative `*_page_uri` links, which
 * twilio-node resolves against https://api.twilio.com.
 */
export function listPage(
  key: string,
  path: string,
  all: readonly Record<string, unknown>[],
  query: URLSearchParams,
): Record<string, unknown> {
  const pageSize = clampInt(query.get('PageSize'), 50, 1, 1000);
  const page = clampInt(query.get('Page'), 0, 0, Number.MAX_SAFE_INTEGER);
  const start = page * pageSize;
  const records = all.slice(start, start + pageSize);
  const pageUri = (n: number): string => `${path}?PageSize=${pageSize}&Page=${n}`;
  const hasNext = start + pageSize < all.length;
  return {
    [key]: records,
    end: start + Math.max(records.length - 1, 0),
    first_page_uri: pageUri(0),
    next_page_uri: hasNext ? `${pageUri(page + 1)}&PageToken=PA${start + pageSize}` : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? pageUri(page - 1) : null,
    start,
    uri: pageUri(page),
  };
}

export function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const value = raw === null ? NaN : Number(raw);
  if (!Number.isInteger(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
