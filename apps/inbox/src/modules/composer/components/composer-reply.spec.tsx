import type { OperatorDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../../../test-support/fixtures';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useComposerStore } from '../store/composer-store';
import { useReplyTargetStore } from '../store/reply-target-store';
import { Composer } from './composer';

const conv = conversation({ id: 'c-tg', channel: 'telegram' });
const question = message({ id: 'm-q', conversationId: 'c-tg', channel: 'telegram' });
const operator: OperatorDto = {
  id: 'op-1',
  email: 'a@x.test',
  name: 'Ann',
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
};

/** The API: no stored draft; a posted reply is stored as sent, its body kept for the test. */
function serve() {
  const sent: Array<Record<string, unknown>> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname;
      if (path.endsWith('/messages') && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        sent.push(body);
        const stored = message({
          id: 'm-reply',
          conversationId: 'c-tg',
          channel: 'telegram',
          direction: 'outgoing',
          sender: { type: 'operator', id: 'op-1', name: 'Ann' },
          text: String(body['text']),
          deliveryStatus: 'pending',
          replyTo: { id: 'm-q', text: question.text },
        });
        return new Response(JSON.stringify(stored), { status: 201 });
      }
      if (path.endsWith('/draft')) return new Response(JSON.stringify({ draft: null }));
      return new Response(JSON.stringify([]));
    }),
  );
  return sent;
}

const choose = () =>
  act(() => useReplyTargetStore.getState().choose('c-tg', { id: 'm-q', text: 'Hello?\nAnyone' }));

beforeEach(() => {
  useAuthStore.setState({ csrfToken: 't', phase: 'signed_in', operator });
  useComposerStore.setState({ drafts: {} });
  useReplyTargetStore.setState({ byConversation: {} });
  useConversationStore.getState().reset();
  useConversationStore.setState({
    threads: {
      'c-tg': {
        messages: [question],
        olderCursor: null,
        hasOlder: false,
        loadingOlder: false,
        phase: 'ready',
        error: null,
      },
    },
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Composer replying to one customer message', () => {
  it('says which message it answers, and sends the reply to it', async () => {
    const sent = serve();
    render(<Composer conversation={conv} />);
    choose();
    expect(screen.getByTestId('composer-replying-to').textContent).toContain(
      'Replying to: Hello? Anyone',
    );
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'Yes: <b> & * stay as typed' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kind: 'message',
      text: 'Yes: <b> & * stay as typed',
      replyToMessageId: 'm-q',
    });
    // Answered: the next reply goes to the conversation again.
    expect(screen.queryByTestId('composer-replying-to')).toBeNull();
    await waitFor(() =>
      expect(
        useConversationStore.getState().threads['c-tg']?.messages.find((m) => m.id === 'm-reply')
          ?.replyTo,
      ).toEqual({ id: 'm-q', text: question.text }),
    );
  });

  it('drops the chosen message with Esc or ×, and sends a plain reply then', async () => {
    const sent = serve();
    render(<Composer conversation={conv} />);
    choose();
    const input = screen.getByTestId('composer-input');
    const escape = fireEvent.keyDown(input, { key: 'Escape' });
    expect(escape).toBe(false); // handled here: the global Esc (leave the box) does not run
    expect(screen.queryByTestId('composer-replying-to')).toBeNull();

    choose();
    fireEvent.click(screen.getByRole('button', { name: /Cancel the reply to this message/ }));
    expect(screen.queryByTestId('composer-replying-to')).toBeNull();
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: 'Hello' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).not.toHaveProperty('replyToMessageId');
  });

  it('keeps a note out of it, and returns to Reply once the note is sent', async () => {
    const sent = serve();
    render(<Composer conversation={conv} />);
    choose();
    fireEvent.click(screen.getByTestId('composer-mode-note'));
    expect(screen.queryByTestId('composer-replying-to')).toBeNull();
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'Checking with the warehouse' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ kind: 'note' });
    expect(sent[0]).not.toHaveProperty('replyToMessageId');
    // Sent: the composer is back on Reply by itself, and the chosen message is still there.
    expect(screen.getByTestId('composer-mode-message').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('composer-mode-note').getAttribute('aria-checked')).toBe('false');
    expect((input as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByTestId('composer-replying-to')).toBeTruthy();
  });

  it('warns above the reply box when the customer cannot be reached', () => {
    serve();
    render(
      <Composer conversation={{ ...conv, unreachableReason: 'The customer blocked the bot' }} />,
    );
    const banner = screen.getByTestId('unreachable-banner');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain(
      'The customer cannot be reached: The customer blocked the bot',
    );
    expect((screen.getByTestId('composer-input') as HTMLTextAreaElement).disabled).toBe(false);
  });
});
