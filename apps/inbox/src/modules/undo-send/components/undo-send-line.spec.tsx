import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../../test-support/fixtures';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useAuthStore } from '../../auth/store/auth-store';
import { useComposerStore } from '../../composer/store/composer-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { UndoSendLine } from './undo-send-line';

const ME = { id: 'op-me', email: 'me@x.test', name: 'Me', role: 'agent', timezone: 'UTC' } as const;

const held = (senderId: string) =>
  message({
    id: '22222222-2222-4222-8222-222222222222',
    conversationId: 'c-1',
    direction: 'outgoing',
    sender: { type: 'operator', id: senderId, name: 'Me' },
    text: 'Sorry, wrong order number',
    deliveryStatus: 'pending',
    undoUntil: new Date(Date.now() + 2_500).toISOString(),
  });

/** The server's answer to POST /api/messages/:id/undo-send. */
const answer = (status: number, body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );

beforeEach(() => {
  useAuthStore.setState({ operator: { ...ME, locale: null } });
  useComposerStore.setState({ drafts: { 'c-1': { text: 'and also', mode: 'note' } } });
  useToastStore.setState({ toasts: [] });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UndoSendLine', () => {
  it('counts down; only the author gets Undo', () => {
    render(<UndoSendLine message={held('op-colleague')} />);
    expect(screen.getByTestId('undo-send-line').textContent).toMatch(/^Sending in [23] s$/);
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    render(<UndoSendLine message={held(ME.id)} />);
    expect(screen.getByRole('button', { name: 'Undo sending this reply' })).toBeTruthy();
  });

  it('Undo drops the reply and puts its words back ahead of what was typed since', async () => {
    const reply = held(ME.id);
    useConversationStore.setState({
      threads: {
        'c-1': {
          messages: [reply],
          olderCursor: null,
          hasOlder: false,
          loadingOlder: false,
          phase: 'ready',
          error: null,
        },
      },
    });
    answer(200, reply);
    render(<UndoSendLine message={reply} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo sending this reply' }));
    await vi.waitFor(() =>
      expect(useComposerStore.getState().drafts['c-1']).toEqual({
        text: 'Sorry, wrong order number\n\nand also',
        mode: 'message',
      }),
    );
    expect(useConversationStore.getState().threads['c-1']?.messages).toEqual([]);
    expect(useToastStore.getState().toasts.map((t) => t.text)).toEqual([
      'Reply not sent: it is back in the composer',
    ]);
  });

  it('too late: "Already sent", and the composer is left alone', async () => {
    answer(409, { statusCode: 409, code: 'ALREADY_SENT', message: 'The reply was already sent' });
    render(<UndoSendLine message={held(ME.id)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo sending this reply' }));
    await vi.waitFor(() =>
      expect(useToastStore.getState().toasts.map((t) => t.text)).toEqual([
        'Already sent: it was too late to undo',
      ]),
    );
    expect(useComposerStore.getState().drafts['c-1']?.text).toBe('and also');
  });
});
