import type { ConversationSummaryDto, MessageDto, StreamEvent } from '@switchboard/contracts';
import { publicEventsOf } from './webhook-events';

const conversation = { id: 'c1', status: 'open' } as ConversationSummaryDto;
const by = { id: 'o1', name: 'Anna' };
const message = (over: Partial<MessageDto>): StreamEvent => ({
  cursor: 1,
  type: 'message.created',
  conversationId: 'c1',
  at: '2030-01-01T00:00:00.000Z',
  payload: {
    message: { id: 'm1', kind: 'message', activity: null, ...over } as MessageDto,
    conversation,
  },
});

describe('public webhook events', () => {
  it('publishes customer-visible messages, and notes only as opt-in', () => {
    expect(publicEventsOf(message({}))).toMatchObject([{ type: 'message.created', note: false }]);
    expect(publicEventsOf(message({ kind: 'note' }))).toMatchObject([{ note: true }]);
  });

  it('reads status changes, assignments and tags from their activities', () => {
    const of = (activity: MessageDto['activity']) =>
      publicEventsOf(message({ kind: 'activity', activity }))[0];
    expect(of({ type: 'status_changed', from: 'open', to: 'closed', by })).toMatchObject({
      type: 'conversation.status_changed',
      data: { from: 'open', to: 'closed', by },
    });
    expect(of({ type: 'reopened_by_customer' })).toMatchObject({
      data: { from: 'closed', to: 'open', by: null },
    });
    expect(of({ type: 'assigned', by, assignee: by })?.type).toBe('conversation.assigned');
    expect(of({ type: 'tag_added', by, tag: 'vip' })).toMatchObject({
      type: 'conversation.tag_added',
      data: { tag: 'vip' },
    });
    expect(of({ type: 'tag_removed', by, tag: 'vip' })).toBeUndefined();
  });

  it('maps SLA states and ignores what is not public', () => {
    const sla: StreamEvent = {
      cursor: 2,
      type: 'conversation.sla',
      conversationId: 'c1',
      at: '2030-01-01T00:00:00.000Z',
      payload: { conversation, target: 'first_response', state: 'breached', dueAt: 'x' },
    };
    expect(publicEventsOf(sla)[0]?.type).toBe('conversation.sla_breached');
    // A met target is a figure for the reports only.
    expect(publicEventsOf({ ...sla, payload: { ...sla.payload, state: 'met' } })).toEqual([]);
    expect(
      publicEventsOf({ ...sla, type: 'conversation.updated', payload: { conversation } }),
    ).toEqual([]);
  });
});
