import { randomBytes, randomUUID } from 'node:crypto';
import type { InboxDto } from '@switchboard/contracts';
import { SIGNATURE_HEADER, signApiPayload, TIMESTAMP_HEADER } from '@switchboard/channels-api';
import type { ApiClient } from './http-client';

/**
 * A customer writing through the generic API channel: the real webhook path a channel uses
 * (signature check, adapter parse, pipeline), driven from tests and benchmarks.
 */
export class ApiChannelCustomer {
  constructor(
    readonly baseUrl: string,
    readonly inboxId: string,
    readonly signingSecret: string,
    readonly customer: { id: string; name?: string; email?: string } = {
      id: `cust-${randomUUID()}`,
      name: 'Test Customer',
    },
  ) {}

  /** Posts one message; returns the HTTP status and body. */
  async say(
    text: string,
    messageId: string = randomUUID(),
    from = this.customer,
  ): Promise<{ status: number; body: unknown }> {
    return this.post({ messages: [{ id: messageId, from, text }] });
  }

  async post(
    payload: unknown,
    opts: { secret?: string; timestamp?: number } = {},
  ): Promise<{ status: number; body: unknown }> {
    const res = await this.postRaw(payload, opts);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep text
    }
    return { status: res.status, body: parsed };
  }

  /**
   * Posts a payload signed as the provider would and returns the whole response (headers too);
   * `baseUrl` sends it elsewhere, such as through a proxy in front of the API.
   */
  postRaw(
    payload: unknown,
    opts: { secret?: string; timestamp?: number; baseUrl?: string } = {},
  ): Promise<Response> {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${opts.baseUrl ?? this.baseUrl}/api/webhooks/${this.inboxId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(ts),
        [SIGNATURE_HEADER]: signApiPayload(opts.secret ?? this.signingSecret, ts, body),
      },
      body,
    });
  }
}

/** Creates an API-channel inbox as an admin and returns it with a customer ready to write. */
export async function createApiInbox(
  admin: ApiClient,
  name = 'API inbox',
  extra: { reopenPolicy?: 'reopen' | 'new_conversation'; outboundUrl?: string } = {},
): Promise<{ inbox: InboxDto; customer: ApiChannelCustomer; signingSecret: string }> {
  const signingSecret = randomBytes(24).toString('base64url');
  const inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
    kind: 'api',
    name,
    settings: extra.outboundUrl ? { outboundUrl: extra.outboundUrl } : {},
    secrets: { signingSecret },
    reopenPolicy: extra.reopenPolicy ?? 'reopen',
  });
  return {
    inbox,
    signingSecret,
    customer: new ApiChannelCustomer(admin.baseUrl, inbox.id, signingSecret),
  };
}
