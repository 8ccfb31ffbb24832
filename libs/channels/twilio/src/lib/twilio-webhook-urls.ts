/** Query that tells a status callback from an inbound message on the one webhook endpoint. */
export const STATUS_CALLBACK_QUERY = 'event=status';

export interface TwilioWebhookUrls {
  /** Paste into the sender's "A message comes in" field in the Twilio console. */
  inbound: string;
  /** Sent by us as `StatusCallback` on every message; shown so admins can set it on the sender too. */
  statusCallback: string;
}

/** The URLs Twilio calls for an inbox, exactly as Twilio signs them. */
export function twilioWebhookUrls(publicUrl: string, inboxId: string): TwilioWebhookUrls {
  const inbound = `${trimTrailingSlashes(publicUrl)}/api/webhooks/${encodeURIComponent(inboxId)}`;
  return { inbound, statusCallback: `${inbound}?${STATUS_CALLBACK_QUERY}` };
}

export function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
