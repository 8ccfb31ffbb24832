import type { MessageTemplateDto, OperatorDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../../../test-support/fixtures';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useReplyWindowRefusals } from '../../conversation/store/reply-window-refusals';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import { useComposerStore } from '../store/composer-store';
import { useTemplatesStore } from '../store/templates-store';
import { Composer } from './composer';

const H = 3_600_000;
const operator: OperatorDto = {
  id: 'op-1',
  email: 'a@x.test',
  name: 'Ann',
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
};
const closed = conversation({
  id: 'c-wa',
  inboxId: 'inbox-wa',
  channel: 'whatsapp',
  replyWindowClosesAt: new Date(Date.now() - H).toISOString(),
});
const open = { ...closed, replyWindowClosesAt: new Date(Date.now() + 3 * H).toISOString() };

const TEMPLATES: MessageTemplateDto[] = [
  {
    id: 'HX0000000000000000000000000000pend',
    name: 'appointment_reminder',
    language: 'en',
    body: 'Your appointment is on {{1}}.',
    variables: ['1'],
    approval: 'pending',
  },
  {
    id: 'HX00000000000000000000000000000ok1',
    name: 'order_update',
    language: 'en',
    body: 'Hi {{1}}, your order {{2}} has shipped.',
    variables: ['1', '2'],
    approval: 'approved',
  },
];

interface Posted {
  path: string;
  body: Record<string, unknown>;
}

/** The API: the inbox's templates; a POSTed message is stored, or refused as the window closed. */
function serve(refuseFreeText = false) {
  const posted: Posted[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname;
      if (path === '/api/inboxes/inbox-wa/templates') return json(TEMPLATES);
      if (path.endsWith('/messages') && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        posted.push({ path, body });
        if (refuseFreeText && !body['template'])
          return json(
            {
              statusCode: 422,
              code: 'REPLY_WINDOW_CLOSED',
              message: 'Free-form replies are allowed only within 24 hours',
            },
            422,
          );
        const template = body['template'] as { id: string; variables: Record<string, string> };
        return json(
          message({
            id: `m-${posted.length}`,
            conversationId: 'c-wa',
            channel: 'whatsapp',
            direction: 'outgoing',
            kind: body['kind'] === 'note' ? 'note' : 'message',
            sender: { type: 'operator', id: 'op-1', name: 'Ann' },
            text: template ? 'Hi Ana, your order #42 has shipped.' : String(body['text']),
            deliveryStatus: 'pending',
            template: template ?? null,
          }),
          201,
        );
      }
      if (path.endsWith('/draft')) return json({ draft: null });
      return json([]);
    }),
  );
  return posted;
}

const thread = () => useConversationStore.getState().threads['c-wa']?.messages ?? [];

beforeEach(() => {
  useAuthStore.setState({ csrfToken: 't', phase: 'signed_in', operator });
  useComposerStore.setState({ drafts: {} });
  useTemplatesStore.setState({ byInbox: {} });
  useReplyWindowRefusals.setState({ byConversation: {} });
  useConversationStore.getState().reset();
  useConversationStore.setState({
    summaries: { 'c-wa': closed },
    threads: {
      'c-wa': {
        messages: [message({ id: 'm-q', conversationId: 'c-wa', channel: 'whatsapp' })],
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

describe('Composer after the reply window closed', () => {
  it('replaces the text box with the notice and the templates, approved first', async () => {
    serve();
    render(<Composer conversation={closed} />);
    expect(screen.queryByTestId('composer-input')).toBeNull();
    expect(screen.getByTestId('window-closed-notice').textContent).toBe(
      'WhatsApp allows free-form replies only within 24 hours of the customer’s last message. Send an approved template:',
    );
    const picker = await screen.findByRole('group', { name: 'Template' });
    const options = within(picker).getAllByRole('radio');
    expect(options.map((o) => (o as HTMLInputElement).value)).toEqual([
      TEMPLATES[1]?.id,
      TEMPLATES[0]?.id,
    ]);
    // Not approved: shown with its status, and cannot be chosen.
    expect((options[1] as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByTestId('template-option')[1]?.textContent).toContain(
      'Waiting for approval',
    );
    expect((screen.getByTestId('template-send') as HTMLButtonElement).disabled).toBe(true);
    // `r` (reply) lands on the first template that can be chosen.
    act(() => useOverlayStore.getState().requestReplyFocus());
    expect(document.activeElement).toBe(options[0]);
  });

  it('asks for each variable with a live preview, and sends only when all are filled', async () => {
    const posted = serve();
    render(<Composer conversation={closed} />);
    fireEvent.click(await screen.findByRole('radio', { name: /order_update/ }));
    const first = screen.getByLabelText('Value for {{1}}');
    const second = screen.getByLabelText('Value for {{2}}');
    const send = screen.getByTestId('template-send') as HTMLButtonElement;
    expect(screen.getByTestId('template-preview').textContent).toBe(
      'Hi {{1}}, your order {{2}} has shipped.',
    );

    fireEvent.change(first, { target: { value: 'Ana' } });
    expect(screen.getByTestId('template-preview').textContent).toBe(
      'Hi Ana, your order {{2}} has shipped.',
    );
    expect(send.disabled).toBe(true);
    fireEvent.change(second, { target: { value: '   ' } });
    expect(send.disabled).toBe(true);
    fireEvent.change(second, { target: { value: ' #42 ' } });
    expect(screen.getByTestId('template-preview').textContent).toBe(
      'Hi Ana, your order #42 has shipped.',
    );
    expect(send.disabled).toBe(false);

    fireEvent.click(send);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.body).toMatchObject({
      kind: 'message',
      text: '',
      template: { id: TEMPLATES[1]?.id, variables: { '1': 'Ana', '2': '#42' } },
    });
    expect(posted[0]?.body['clientMessageId']).toEqual(expect.any(String));
    await waitFor(() => expect(thread().some((m) => m.id === 'm-1')).toBe(true));
    expect(thread().find((m) => m.id === 'm-1')?.template?.id).toBe(TEMPLATES[1]?.id);
    // Ready for the next one.
    expect(screen.queryByTestId('template-fill')).toBeNull();
  });

  it('keeps internal notes possible', async () => {
    const posted = serve();
    render(<Composer conversation={closed} />);
    fireEvent.click(screen.getByTestId('composer-mode-note'));
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'Ask Ana by email instead' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.body).toMatchObject({ kind: 'note', text: 'Ask Ana by email instead' });
    // Sent: back on Reply, which is the templates here; focus is not lost as the text box goes.
    expect(await screen.findByTestId('template-composer')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('composer-mode-message'));
    fireEvent.click(screen.getByTestId('composer-mode-message'));
    expect(document.activeElement).toBe(screen.getByTestId('composer-mode-message'));
    fireEvent.click(screen.getByTestId('composer-mode-note'));
    expect(document.activeElement).toBe(screen.getByTestId('composer-input'));
  });

  it('switches to templates when the server says the window closed', async () => {
    const posted = serve(true);
    useConversationStore.setState({ summaries: { 'c-wa': open } });
    render(<Composer conversation={open} />);
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'Are you still there?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(await screen.findByTestId('template-composer')).toBeTruthy();
    // The refused text stays visible as failed, with the server's reason: nothing is lost.
    const failed = thread().find((m) => m.text === 'Are you still there?');
    expect(failed?.deliveryStatus).toBe('failed');
    expect(failed?.failureReason).toMatch(/24 hours/);
  });
});
