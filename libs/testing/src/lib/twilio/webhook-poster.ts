import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { randomUUID } from 'node:crypto';
import { encodeForm } from './form-body';

export interface WebhookAnswer {
  /** The HTTP status, or 0 when the URL could not be reached or did not answer in time. */
  status: number;
  body: string;
}

/** Posts forms the way Twilio calls webhooks and status callbacks. */
export class WebhookPoster {
  constructor(
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal,
  ) {}

  /** One attempt; `signature` null sends no `X-Twilio-Signature` at all. */
  post(
    url: string,
    params: Readonly<Record<string, string>>,
    signature: string | null,
  ): Promise<WebhookAnswer> {
    return new Promise((resolve) => {
      const body = Buffer.from(encodeForm(params));
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const finish = (answer: WebhookAnswer): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      };
      const req = send(target, {
        method: 'POST',
        signal: this.signal,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': body.length,
          accept: '*/*',
          'user-agent': 'TwilioProxy/1.1',
          'i-twilio-idempotency-token': randomUUID(),
          ...(signature === null ? {} : { 'x-twilio-signature': signature }),
        },
      });
      const timer = setTimeout(() => {
        finish({ status: 0, body: '' });
        req.destroy();
      }, this.timeoutMs);
      req.on('error', () => finish({ status: 0, body: '' }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => finish({ status: 0, body: '' }));
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      req.end(body);
    });
  }
}
