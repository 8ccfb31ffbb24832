import { createHmac } from 'node:crypto';

/**
 * `X-Twilio-Signature`: base64(HMAC-SHA1(authToken, url + every parameter as key + value, keys
 * sorted)). Twilio signs the exact URL it calls, query string included.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  let data = url;
  for (const key of Object.keys(params).sort()) data += key + params[key];
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}
