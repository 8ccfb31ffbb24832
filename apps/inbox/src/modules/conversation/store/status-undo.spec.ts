import type { ConversationSummaryDto } from '@switchboard/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { TOAST_MS, useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { useStreamStore } from '../../realtime/store/stream-store';
import { closeConversation, snoozeConversation } from './conversation-commands';
import { useConversationStore } from './conversation-store';
import { resetPendingStatuses } from './pending-status';

const later = new Date(Date.now() + 3 * 3600_000).toISOString();
const sooner = new Date(Date.now() + 3600_000);

/** The API: each status route answers the row with that status; the calls are recorded. */
function serve(row: ConversationSummaryDto) {
  const calls: Array<{ path: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      const body = init?.body ? (JSON.parse(String(init.body)) as { until?: string }) : undefined;
      calls.push({ path, body });
      const action = path.split('/').pop();
      const status =
        action === 'close' ? 'closed' : action === 'snooze' ? 'snoozed' : ('open' as const);
      const snoozedUntil = status === 'snoozed' ? (body?.until ?? null) : null;
      return new Response(JSON.stringify({ ...row, status, snoozedUntil }), { status: 200 });
    }),
  );
  return calls;
}

const statusCalls = (calls: Array<{ path: string; body: unknown }>) =>
  calls.filter((c) => !c.path.endsWith('/counts')).map((c) => [c.path, c.body]);

beforeEach(() => {
  resetPendingStatuses();
  useStreamStore.getState().clear();
  useConversationStore.getState().reset();
  useToastStore.setState({ toasts: [] });
  useFeedStore.getState().reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Undo after close and snooze', () => {
  it('close offers Undo, which reopens through the API', async () => {
    const row = conversation({ id: 'a', contact: { id: 'k', name: 'Ada', handle: null } });
    useFeedStore.getState().applySnapshot(row, -1);
    const calls = serve(row);
    await closeConversation('a');
    const [toast] = useToastStore.getState().toasts;
    expect(toast?.text).toBe('Conversation with Ada closed');
    expect(toast?.action?.label).toBe('Undo');
    toast?.action?.run();
    await vi.waitFor(() => expect(useFeedStore.getState().byId['a']?.status).toBe('open'));
    expect(statusCalls(calls)).toEqual([
      ['/api/conversations/a/close', undefined],
      ['/api/conversations/a/reopen', undefined],
    ]);
  });

  it('re-snoozing offers Undo, which puts back the earlier snooze time', async () => {
    const row = conversation({ id: 'b', status: 'snoozed', snoozedUntil: later });
    // Open on screen (the snooze menu is the open conversation's).
    useConversationStore.setState({ selectedId: 'b', summaries: { b: row } });
    const calls = serve(row);
    await snoozeConversation('b', sooner);
    useToastStore.getState().toasts[0]?.action?.run();
    await vi.waitFor(() => expect(statusCalls(calls)).toHaveLength(2));
    expect(statusCalls(calls)[1]).toEqual(['/api/conversations/b/snooze', { until: later }]);
  });

  it('the toast leaves after 5 s, but not while the keyboard is on its button', () => {
    vi.useFakeTimers();
    const id = useToastStore
      .getState()
      .show('Closed', 'info', { label: 'Undo', run: () => undefined });
    useToastStore.getState().hold(id);
    vi.advanceTimersByTime(TOAST_MS * 2);
    expect(useToastStore.getState().toasts).toHaveLength(1);
    useToastStore.getState().release(id);
    vi.advanceTimersByTime(TOAST_MS);
    expect(useToastStore.getState().toasts).toHaveLength(0);
  });
});
