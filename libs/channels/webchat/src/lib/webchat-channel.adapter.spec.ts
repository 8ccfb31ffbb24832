import { randomUUID } from 'node:crypto';
import { ChannelError, ChannelInputError, type OutboundMessage } from '@switchboard/channels-core';
import { issueVisitorToken } from './visitor-token';
import type {
  FollowUpEmail,
  FollowUpTarget,
  VisitorDelivery,
  VisitorTransport,
} from './visitor-transport';
import { WebchatChannelAdapter, type WebchatContext } from './webchat-channel.adapter';
import { webchatSettingsSchema } from './webchat-settings';

class FakeTransport implements VisitorTransport {
  online = false;
  target: FollowUpTarget | null = null;
  live: VisitorDelivery[] = [];
  emails: FollowUpEmail[] = [];
  failEmail: Error | null = null;
  async deliverLive(delivery: VisitorDelivery) {
    if (this.online) this.live.push(delivery);
    return this.online;
  }
  async followUpTarget() {
    return this.target;
  }
  async sendFollowUp(email: FollowUpEmail) {
    if (this.failEmail) throw this.failEmail;
    this.emails.push(email);
  }
}

const ORIGIN = 'https://shop.example';
const ctx: WebchatContext = {
  inboxId: 'inbox-1',
  settings: webchatSettingsSchema.parse({ allowedOrigins: [ORIGIN] }),
  secrets: { hmacSecret: 'k'.repeat(32) },
  publicUrl: 'https://support.example',
};

function outbound(text: string): OutboundMessage {
  return {
    idempotencyKey: 'msg-1',
    conversation: { id: 'conv-1', number: 7, subject: null, threadExternalIds: [] },
    recipient: { externalId: 'visitor:v1', name: null, email: null, phone: null },
    sender: { name: 'Anna' },
    text,
    html: null,
    attachments: [],
  };
}

describe('WebchatChannelAdapter', () => {
  let transport: FakeTransport;
  let adapter: WebchatChannelAdapter;
  const { token, claims } = issueVisitorToken(ctx.secrets.hmacSecret, { inboxId: 'inbox-1' });
  beforeEach(() => {
    transport = new FakeTransport();
    adapter = new WebchatChannelAdapter(transport);
  });

  it('turns a visitor message into one inbound event keyed by visitor and client message id', () => {
    const id = randomUUID();
    const at = new Date();
    const input = {
      type: 'message' as const,
      visitorToken: token,
      origin: ORIGIN,
      clientMessageId: id,
      text: '<b>hi</b>',
      receivedAt: at,
    };
    expect(adapter.verifyWebhook(input, ctx)).toBe(true);
    const events = adapter.parseInbound(input, ctx);
    expect(events).toEqual([
      {
        type: 'message',
        externalId: `wc-in:visitor:${claims.visitorId}:${id}`,
        sender: { externalId: `visitor:${claims.visitorId}`, name: null },
        text: '<b>hi</b>',
        attachments: [],
        sentAt: at,
      },
    ]);
    expect(adapter.parseInbound(input, ctx)).toEqual(events);
  });

  it('refuses empty and too long messages, forged tokens and other origins', () => {
    const base = {
      type: 'message' as const,
      visitorToken: token,
      origin: ORIGIN,
      clientMessageId: randomUUID(),
      receivedAt: new Date(),
    };
    expect(() => adapter.parseInbound({ ...base, text: '   ' }, ctx)).toThrow(ChannelInputError);
    expect(() => adapter.parseInbound({ ...base, text: 'x'.repeat(10_001) }, ctx)).toThrow(
      /longer than 10000/,
    );
    const forged = issueVisitorToken('z'.repeat(32), { inboxId: 'inbox-1' }).token;
    expect(adapter.verifyWebhook({ ...base, text: 'hi', visitorToken: forged }, ctx)).toBe(false);
    expect(() => adapter.parseInbound({ ...base, text: 'hi', visitorToken: forged }, ctx)).toThrow(
      /token_invalid/,
    );
    expect(
      adapter.verifyWebhook({ ...base, text: 'hi', origin: 'https://evil.example' }, ctx),
    ).toBe(false);
  });

  it('turns receipts into status events for web chat messages only', () => {
    const at = new Date();
    const events = adapter.parseInbound(
      {
        type: 'receipt',
        visitorToken: token,
        origin: ORIGIN,
        status: 'read',
        externalIds: ['wc-out:m1', 'tg:5'],
        at,
      },
      ctx,
    );
    expect(events).toEqual([{ type: 'status', externalId: 'wc-out:m1', status: 'read', at }]);
  });

  it('delivers live to a connected visitor and sends no email', async () => {
    transport.online = true;
    transport.target = { email: 'v@example.com', chatUrl: 'https://shop.example/#chat' };
    const result = await adapter.send(outbound('hello'), ctx);
    expect(result).toEqual({ ok: true, externalId: 'wc-out:msg-1' });
    expect(transport.live).toHaveLength(1);
    expect(transport.emails).toHaveLength(0);
  });

  it('emails a visitor who left, with escaped text, a link back and a thread token', async () => {
    transport.target = { email: 'v@example.com', chatUrl: 'https://shop.example/help#sb-chat' };
    const result = await adapter.send(outbound('<script>x</script> see you'), ctx);
    expect(result.ok).toBe(true);
    const [email] = transport.emails;
    expect(email.to).toBe('v@example.com');
    expect(email.messageId).toBe('<webchat.conv-1.msg-1@support.example>');
    expect(email.conversationToken).toBe('conv-1');
    expect(email.text).toContain('https://shop.example/help#sb-chat');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).not.toContain('<script>');
  });

  it('keeps the reply for the next visit when the visitor left no address', async () => {
    expect(await adapter.send(outbound('later'), ctx)).toEqual({
      ok: true,
      externalId: 'wc-out:msg-1',
    });
    expect(transport.emails).toHaveLength(0);
  });

  it('returns transport failures instead of throwing', async () => {
    transport.target = { email: 'v@example.com', chatUrl: 'https://shop.example/' };
    transport.failEmail = new ChannelError('INVALID_RECIPIENT', 'no such mailbox');
    const refused = await adapter.send(outbound('hi'), ctx);
    expect(refused.ok === false && refused.error.code).toBe('INVALID_RECIPIENT');
    transport.failEmail = new Error('ECONNREFUSED');
    const down = await adapter.send(outbound('hi'), ctx);
    expect(down.ok === false && down.error.retryable).toBe(true);
  });
});
