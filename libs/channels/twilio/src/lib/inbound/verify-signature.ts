import { header, type WebhookRequest } from '@switchboard/channels-core';
import twilio from 'twilio';
import { parseFormParams } from './form-params';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Whether Twilio sent this request: X-Twilio-Signature is an HMAC-SHA1, keyed with the auth token,
 * over the exact URL Twilio called and the sorted form parameters. A body for another account
 * fails too, even when signed: an inbox answers only for its own account. Fails closed.
 */
export function verifyTwilioSignature(
  req: WebhookRequest,
  credentials: { accountSid: string; authToken: string },
): boolean {
  const signature = header(req, TWILIO_SIGNATURE_HEADER);
  if (!signature || !credentials.authToken) return false;
  try {
    const params = parseFormParams(req.rawBody);
    if (params['AccountSid'] !== credentials.accountSid) return false;
    // The public URL first; behind a trusted proxy Twilio may have signed the forwarded one.
    // validateRequest compares in constant time and tries each with and without its default port.
    return [req.url, ...(req.alternateUrls ?? [])].some((url) =>
      validates(credentials.authToken, signature, url, params),
    );
  } catch {
    // A body that cannot be read is not one Twilio signed.
    return false;
  }
}

function validates(
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string | string[]>,
): boolean {
  try {
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    // An unparseable URL is not one Twilio signed.
    return false;
  }
}
