import type { IncomingMessage } from 'node:http';
import { TwilioApiError } from './twilio-api-error';

/** Twilio refuses request bodies beyond this; far more than any Messages.create form. */
const MAX_FORM_BYTES = 1024 * 1024;

/** Reads a form-encoded request body; repeated keys (`MediaUrl`) stay repeated. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > MAX_FORM_BYTES) throw new TwilioApiError(413, 20001, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** `application/x-www-form-urlencoded` as Twilio posts webhooks (spaces as `+`). */
export function encodeForm(params: Readonly<Record<string, string>>): string {
  return new URLSearchParams(Object.entries(params)).toString();
}
