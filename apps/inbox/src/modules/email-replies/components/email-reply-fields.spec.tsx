import type { EmailReplyContextDto, OperatorDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../../../test-support/fixtures';
import { useAuthStore } from '../../auth/store/auth-store';
import { Composer } from '../../composer/components/composer';
import { useComposerStore } from '../../composer/store/composer-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { TimelineItem } from '../../conversation/components/timeline-item';
import { useEmailReplyStore } from '../store/email-reply-store';

const conv = conversation({ id: 'c-mail', channel: 'email' });
const operator: OperatorDto = {
  id: 'op-1',
  email: 'alice@acme.example',
  name: 'Alice',
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
};
const context: EmailReplyContextDto = {
  to: { address: 'jane@customer.example', name: 'Jane' },
  replyAll: [
    { address: 'a@x.example', name: 'Ann Ex' },
    { address: 'b@y.example', name: null },
  ],
  signature: 'Alice\nAcme Support',
};

/** The API: the reply context, no draft; a posted reply is stored as sent, its body kept. */
function serve(ctx: EmailReplyContextDto = context) {
  const sent: Array<Record<string, unknown>> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname;
      if (path.endsWith('/email-reply')) return new Response(JSON.stringify(ctx));
      if (path.endsWith('/messages') && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        sent.push(body);
        return new Response(
          JSON.stringify(
            message({
              id: 'm-reply',
              conversationId: conv.id,
              channel: 'email',
              direction: 'outgoing',
              text: String(body['text']),
              emailRecipients: { cc: body['cc'], bcc: body['bcc'] } as never,
            }),
          ),
          { status: 201 },
        );
      }
      if (path.endsWith('/draft')) return new Response(JSON.stringify({ draft: null }));
      return new Response(JSON.stringify([]));
    }),
  );
  return sent;
}

beforeEach(() => {
  useAuthStore.setState({ csrfToken: 't', phase: 'signed_in', operator });
  useComposerStore.setState({ drafts: {} });
  useEmailReplyStore.setState({ contexts: {}, drafts: {} });
  useConversationStore.getState().reset();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Email reply: Reply / Reply all, Cc and Bcc, signature note', () => {
  it('prefills Cc for "Reply all", adds a Bcc, sends both, then starts over with "Reply"', async () => {
    const sent = serve();
    render(<Composer conversation={conv} />);
    const all = await screen.findByTestId('email-reply-all');
    await waitFor(() => expect(all.textContent).toBe('Reply all (2)'));
    expect(screen.getByTestId('email-to').textContent).toBe('Jane <jane@customer.example>');
    expect(screen.getByTestId('email-signature').textContent).toContain('Alice\nAcme Support');
    expect(screen.getByTestId('email-reply-one').getAttribute('aria-checked')).toBe('true');

    fireEvent.click(all);
    const cc = screen.getByTestId('email-cc') as HTMLInputElement;
    expect(cc.value).toBe('Ann Ex <a@x.example>, b@y.example');
    fireEvent.click(screen.getByTestId('email-add-bcc'));
    fireEvent.change(screen.getByTestId('email-bcc'), { target: { value: 'Boss@Acme.example' } });

    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'It ships today.' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kind: 'message',
      text: 'It ships today.',
      cc: [
        { address: 'a@x.example', name: 'Ann Ex' },
        { address: 'b@y.example', name: null },
      ],
      bcc: [{ address: 'boss@acme.example', name: null }],
    });
    expect((screen.getByTestId('email-cc') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('email-reply-one').getAttribute('aria-checked')).toBe('true');
  });

  it('holds the send while Cc has something that is not an address, and says what', async () => {
    const sent = serve();
    render(<Composer conversation={conv} />);
    await screen.findByTestId('email-signature');
    fireEvent.change(screen.getByTestId('email-cc'), { target: { value: 'a@x.example, bob' } });
    expect(screen.getByTestId('email-copies-error').textContent).toBe('Not an email address: bob');
    fireEvent.change(screen.getByTestId('composer-input'), { target: { value: 'Hi' } });
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('email-cc'), { target: { value: 'a@x.example' } });
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it('offers no "Reply all" when nobody else is on the thread, and says when no signature is added', async () => {
    serve({ ...context, replyAll: [], signature: null });
    render(<Composer conversation={conv} />);
    expect((await screen.findByTestId('email-signature')).textContent).toContain(
      'No signature is added',
    );
    expect((screen.getByTestId('email-reply-all') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows no email fields on other channels or in a note', async () => {
    serve();
    const { rerender } = render(<Composer conversation={{ ...conv, channel: 'telegram' }} />);
    expect(screen.queryByTestId('email-reply')).toBeNull();
    rerender(<Composer conversation={conv} />);
    expect(await screen.findByTestId('email-reply')).toBeTruthy();
    fireEvent.click(screen.getByTestId('composer-mode-note'));
    expect(screen.queryByTestId('email-reply')).toBeNull();
  });

  it('shows who else an email went to in the timeline, Bcc included for the team', () => {
    const reply = message({
      channel: 'email',
      direction: 'outgoing',
      emailRecipients: {
        cc: [{ address: 'a@x.example', name: 'Ann Ex' }],
        bcc: [{ address: 'boss@acme.example', name: null }],
      },
    });
    render(
      <ul>
        <TimelineItem message={reply} />
      </ul>,
    );
    const line = within(screen.getByTestId('message-recipients'));
    expect(line.getByText(/Ann Ex <a@x\.example>/)).toBeTruthy();
    expect(line.getByText(/boss@acme\.example/)).toBeTruthy();
  });
});
