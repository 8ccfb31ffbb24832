import type { ConversationLinksDto, MessageDto } from '@switchboard/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, fakeFetch, message } from '../../../test-support/fixtures';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { useStreamStore } from '../../realtime/store/stream-store';
import { replyViaFields, useConversationLinksStore } from './conversation-links-store';

const target = conversation({ number: 1 });
const source = conversation({ number: 2, status: 'closed' });
const early = message({ conversationId: source.id, createdAt: '2026-03-04T10:00:00.000Z' });
const late = message({ conversationId: source.id, createdAt: '2026-03-04T10:02:00.000Z' });
const mine = message({ conversationId: target.id, createdAt: '2026-03-04T10:01:00.000Z' });
const links: ConversationLinksDto = {
  mergedInto: null,
  replyChannels: [
    { identityId: 'i-mail', inboxId: 'mail', inboxName: 'Mail', channel: 'email', handle: 'a@x' },
    { identityId: 'i-chat', inboxId: 'chat', inboxName: 'Chat', channel: 'webchat', handle: null },
  ],
  defaultIdentityId: 'i-chat',
};

/** The target's timeline as the server has it after the merge: all three, interleaved. */
const mergedPage = {
  items: [late, mine, early].map((m) => ({ ...m, conversationId: target.id })),
  nextCursor: null,
};

const thread = (messages: MessageDto[]) => ({
  messages,
  olderCursor: null,
  hasOlder: false,
  loadingOlder: false,
  phase: 'ready' as const,
  error: null,
});

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      '/api/conversations/counts': () => ({ open: 1, snoozed: 0, closed: 1 }),
      [`/api/conversations/${target.id}`]: () => target,
      [`/api/conversations/${target.id}/messages`]: () => mergedPage,
      [`/api/conversations/${target.id}/links`]: () => links,
      [`/api/conversations/${source.id}/links`]: () => ({
        ...links,
        mergedInto: { id: target.id, number: 1 },
      }),
    }),
  );
  useStreamStore.getState().clear();
  useFeedStore.getState().reset();
  useFeedStore.setState({ phase: 'ready' });
  useConversationStore.getState().reset();
  useConversationLinksStore.getState().reset();
  useConversationStore.setState({
    threads: { [source.id]: thread([early, late]), [target.id]: thread([mine]) },
  });
});

const ids = (id: string) =>
  useConversationStore.getState().threads[id]?.messages.map((m) => m.id) ?? [];

describe('conversation.messages_moved', () => {
  it('drops the moved messages from one timeline and shows each once in the other', async () => {
    applyStreamEvent({
      cursor: 1,
      type: 'conversation.messages_moved',
      conversationId: source.id,
      at: '2026-03-04T10:03:00.000Z',
      payload: { conversation: source, movedIn: [], movedOut: [early.id, late.id] },
    });
    expect(ids(source.id)).toEqual([]);
    applyStreamEvent({
      cursor: 2,
      type: 'conversation.messages_moved',
      conversationId: target.id,
      at: '2026-03-04T10:03:00.000Z',
      payload: { conversation: target, movedIn: [early.id, late.id], movedOut: [] },
    });
    await vi.waitFor(() => expect(ids(target.id)).toEqual([early.id, mine.id, late.id]));
    await vi.waitFor(() =>
      expect(useConversationLinksStore.getState().byConversation[source.id]?.mergedInto).toEqual({
        id: target.id,
        number: 1,
      }),
    );
  });

  it('sends the picked "Reply via" identity only when there is a choice', async () => {
    await useConversationLinksStore.getState().load(target.id);
    expect(replyViaFields(target.id)).toEqual({});
    useConversationLinksStore.getState().choose(target.id, 'i-mail');
    expect(replyViaFields(target.id)).toEqual({ identityId: 'i-mail' });
    useConversationLinksStore.getState().choose(target.id, 'someone-else');
    expect(replyViaFields(target.id)).toEqual({});
  });
});
