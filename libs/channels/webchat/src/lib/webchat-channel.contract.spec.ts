import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '@switchboard/channels-core';
import { describeChannelContract } from '@switchboard/channels-core/testing';
import { FakeVisitorTransport } from '../testing/fake-visitor-transport';
import { issueVisitorToken } from './visitor-token';
import type { WebchatEnvelope } from './webchat-inbound';
import { WebchatChannelAdapter, type WebchatContext } from './webchat-channel.adapter';
import { webchatSettingsSchema } from './webchat-settings';

const ORIGIN = 'https://shop.example';
const SECRET = 'contract-webchat-secret-0123456789abcdef';
const ctx: WebchatContext = {
  inboxId: '3b0c8f9e-4f7e-4a43-9d8e-0f6f2e7a1b11',
  settings: webchatSettingsSchema.parse({ allowedOrigins: [ORIGIN] }),
  secrets: { hmacSecret: SECRET },
  publicUrl: 'https://support.example',
};

describeChannelContract('webchat', () => {
  const transport = new FakeVisitorTransport();
  const adapter = new WebchatChannelAdapter(transport);
  const visitor = issueVisitorToken(SECRET, { inboxId: ctx.inboxId });
  const forged = issueVisitorToken('another-secret-0123456789abcdef-xyz', { inboxId: ctx.inboxId });
  const expired = issueVisitorToken(SECRET, {
    inboxId: ctx.inboxId,
    now: new Date('2024-01-01'),
    ttlSeconds: 60,
  });
  const message = (
    over: Partial<Extract<WebchatEnvelope, { type: 'message' }>> = {},
  ): WebchatEnvelope => ({
    type: 'message',
    visitorToken: visitor.token,
    origin: ORIGIN,
    clientMessageId: randomUUID(),
    text: 'Hello <b>there</b>',
    receivedAt: new Date('2026-01-01T10:00:00Z'),
    ...over,
  });
  // Some sends reach an online visitor (live), others one who left an address (email follow-up);
  // chosen by key, so a repeated send goes the same way.
  transport.online.add('visitor:online');
  transport.targets.set('visitor:away', {
    email: 'away@example.com',
    chatUrl: 'https://shop.example/#sb-chat',
  });

  return {
    adapter,
    context: () => ctx,
    validInbound: [
      message(),
      message({
        text: '',
        attachments: [
          { filename: 'a.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') },
        ],
      }),
      {
        type: 'receipt',
        visitorToken: visitor.token,
        origin: ORIGIN,
        status: 'read',
        externalIds: ['wc-out:m1'],
        at: new Date('2026-01-01T10:00:00Z'),
      },
    ],
    forgedInbound: [
      message({ visitorToken: forged.token }),
      message({ visitorToken: expired.token }),
      message({ origin: 'https://evil.example' }),
      message({ origin: null }),
    ],
    malformedInbound: [
      message({ text: '   ' }),
      message({ text: 'x'.repeat(10_001) }),
      message({ clientMessageId: 'not-a-uuid' }),
      message({ visitorToken: forged.token }),
      { type: 'nonsense' } as unknown as WebchatEnvelope,
    ],
    outbound(idempotencyKey: string): OutboundMessage {
      const recipient = idempotencyKey.endsWith('-a') ? 'visitor:online' : 'visitor:away';
      return {
        idempotencyKey,
        conversation: {
          id: '5d2c1f7a-0b7e-4b8a-9a51-2f1e6f0c9d22',
          number: 1001,
          subject: null,
          threadExternalIds: [],
        },
        recipient: { externalId: recipient, name: null, email: null, phone: null },
        sender: { name: 'Anna' },
        text: 'We shipped it today.',
        html: null,
        attachments: [],
      };
    },
    async deliveredCount(key: string) {
      return transport.deliveredCount(key);
    },
    async failNextSendAsUnavailable() {
      transport.failNextWith(new Error('connect ECONNREFUSED'));
    },
  };
});
