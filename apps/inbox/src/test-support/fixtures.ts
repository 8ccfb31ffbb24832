import type { ConversationSummaryDto, MessageDto, StreamEvent } from '@switchboard/contracts';

let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

export function conversation(patch: Partial<ConversationSummaryDto> = {}): ConversationSummaryDto {
  const id = patch.id ?? uuid();
  return {
    id,
    number: seq,
    inboxId: 'inbox-1',
    channel: 'api',
    status: 'open',
    snoozedUntil: null,
    assigneeId: null,
    assigneeTeamId: null,
    subject: null,
    contact: { id: `contact-${id}`, name: 'Ada', handle: null },
    lastActivityAt: '2026-03-04T10:00:00.000Z',
    lastMessagePreview: 'Hello',
    lastMessageDirection: 'incoming',
    unreadCount: 1,
    createdAt: '2026-03-04T09:00:00.000Z',
    tags: [],
    priority: 'normal',
    ...patch,
  };
}

export function message(patch: Partial<MessageDto> = {}): MessageDto {
  return {
    id: patch.id ?? uuid(),
    conversationId: 'c-1',
    direction: 'incoming',
    kind: 'message',
    sender: { type: 'contact', id: 'contact-1', name: 'Ada' },
    text: 'Hello',
    html: null,
    attachments: [],
    activity: null,
    deliveryStatus: null,
    failureReason: null,
    channel: 'api',
    createdAt: '2026-03-04T10:00:00.000Z',
    ...patch,
  };
}

export function conversationUpdated(cursor: number, c: ConversationSummaryDto): StreamEvent {
  return {
    cursor,
    type: 'conversation.updated',
    conversationId: c.id,
    at: c.lastActivityAt,
    payload: { conversation: c },
  };
}

export function messageCreated(
  cursor: number,
  m: MessageDto,
  c: ConversationSummaryDto,
): StreamEvent {
  return {
    cursor,
    type: 'message.created',
    conversationId: c.id,
    at: m.createdAt,
    payload: { message: m, conversation: c },
  };
}

/** A fetch stand-in that answers by path; unmatched calls fail the test loudly. */
export function fakeFetch(routes: Record<string, (url: URL) => unknown>) {
  return async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const handler = routes[url.pathname];
    if (!handler)
      return new Response(JSON.stringify({ code: 'NOT_FOUND', message: url.pathname }), {
        status: 404,
      });
    const body = await handler(url);
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}
