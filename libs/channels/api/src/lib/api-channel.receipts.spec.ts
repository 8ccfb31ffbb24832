import type { WebhookRequest } from '@switchboard/channels-core';
import { inboundEventSchema } from '@switchboard/channels-core';
import { ApiChannelAdapter } from './api-channel.adapter';

const request = (body: unknown): WebhookRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1/api/webhooks/x',
  headers: {},
  rawBody: Buffer.from(JSON.stringify(body)),
});

describe('ApiChannelAdapter receipts', () => {
  const adapter = new ApiChannelAdapter();

  it('reads each receipt on its own: one it cannot use is skipped with the reason, not the batch', () => {
    const events = adapter.parseInbound(
      request({
        statuses: [
          { messageId: 'r-1', status: 'delivered' },
          { messageId: 'r-2', status: 'queued' },
          { status: 'read' },
          42,
        ],
      }),
    );
    expect(events.map((e) => [e.type, e.externalId])).toEqual([
      ['status', 'r-1'],
      ['ignored', 'r-2'],
      ['ignored', null],
      ['ignored', null],
    ]);
    const queued = events[1];
    expect(queued?.type === 'ignored' && queued.reason).toMatch(/^status: /);
    for (const event of events) expect(inboundEventSchema.safeParse(event).success).toBe(true);
  });
});
