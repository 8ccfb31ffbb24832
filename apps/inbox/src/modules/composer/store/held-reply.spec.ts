import type { MessageDto, OperatorDto, ReplyCollisionDetails } from '@switchboard/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../../../test-support/fixtures';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useHeldRepliesStore } from './held-replies-store';
import { lastSeenMessageId } from './last-seen-message';
import { sendHeldReplyAnyway, sendMessage } from './send-message';

const conv = conversation({ id: 'c-1' });
const me = { id: 'o-ben', name: 'Ben' } as OperatorDto;
const customer = message({ id: 'm-customer', conversationId: 'c-1' });
const annasReply = message({
  id: 'm-anna',
  conversationId: 'c-1',
  direction: 'outgoing',
  sender: { type: 'operator', id: 'o-anna', name: 'Anna' },
  text: 'It left today.',
  createdAt: '2026-03-04T10:01:00.000Z',
});
const collision: ReplyCollisionDetails = {
  repliedBy: { id: 'o-anna', name: 'Anna' },
  repliedAt: annasReply.createdAt,
  message: annasReply,
};

/** The API: the first reply is held, as if Anna had answered meanwhile; later ones are stored. */
function api() {
  const bodies: Array<Record<string, unknown>> = [];
  vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    bodies.push(body);
    if (!body['confirmed'])
      return new Response(
        JSON.stringify({
          statusCode: 409,
          code: 'REPLY_COLLISION',
          message: 'Anna replied',
          details: collision,
        }),
        { status: 409 },
      );
    const stored: MessageDto = { ...annasReply, id: 'm-ben', text: String(body['text']) };
    return new Response(JSON.stringify(stored), { status: 201 });
  });
  return bodies;
}

beforeEach(() => {
  useConversationStore.getState().reset();
  useHeldRepliesStore.setState({ byConversation: {} });
  useConversationStore.setState({
    threads: {
      'c-1': {
        messages: [customer],
        olderCursor: null,
        hasOlder: false,
        loadingOlder: false,
        phase: 'ready',
        error: null,
      },
    },
  });
});

describe('a reply held because a colleague answered first', () => {
  it('names the last stored message it saw, never a local one', () => {
    expect(lastSeenMessageId([customer, { ...annasReply, id: 'local:x' }])).toBe('m-customer');
    expect(lastSeenMessageId([])).toBeUndefined();
  });

  it('is not shown as sent: the colleague’s reply is shown and the text kept for a decision', async () => {
    const bodies = api();
    await sendMessage(conv, me, 'message', 'Let me check.');
    expect(bodies[0]).toMatchObject({ lastSeenMessageId: 'm-customer', confirmed: false });
    const thread = useConversationStore.getState().threads['c-1']!;
    expect(thread.messages.map((m) => m.id)).toEqual(['m-customer', 'm-anna']);
    expect(useHeldRepliesStore.getState().byConversation['c-1']).toMatchObject({
      text: 'Let me check.',
      kind: 'message',
      collision: { repliedBy: { name: 'Anna' } },
    });
  });

  it('goes out with confirmed: true on "send anyway", once', async () => {
    const bodies = api();
    await sendMessage(conv, me, 'message', 'Let me check.');
    await sendHeldReplyAnyway(conv, me);
    await sendHeldReplyAnyway(conv, me);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatchObject({ text: 'Let me check.', confirmed: true });
    expect(useHeldRepliesStore.getState().byConversation).toEqual({});
    const texts = useConversationStore.getState().threads['c-1']!.messages.map((m) => m.text);
    expect(texts).toContain('Let me check.');
  });

  it('still answers the customer message it was replying to when sent anyway', async () => {
    const bodies = api();
    const replyTo = { id: 'm-customer', text: 'Hello' };
    await sendMessage(conv, me, 'message', 'Let me check.', { replyTo });
    expect(bodies[0]).toMatchObject({ replyToMessageId: 'm-customer' });
    expect(useHeldRepliesStore.getState().byConversation['c-1']?.replyTo).toEqual(replyTo);
    await sendHeldReplyAnyway(conv, me);
    expect(bodies[1]).toMatchObject({ confirmed: true, replyToMessageId: 'm-customer' });
  });
});
