import type { InboxDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { useSettingsStore } from '../store/settings-store';
import { PauseInbox } from './pause-inbox';
import { RemoveInbox } from './remove-inbox';

const emailInbox: InboxDto = {
  id: '7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d003',
  kind: 'email',
  name: 'Support mail',
  settings: {},
  secretsSet: ['imapPassword'],
  reopenPolicy: 'reopen',
  connectionError: null,
  pausedAt: null,
  pausable: true,
  replyWindowHours: null,
  webhookUrl: 'http://localhost/api/webhooks/i',
  statusCallbackUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** The panel as the settings screen shows it: always the stored inbox. */
function StoredPauseInbox({ readOnly = false }: { readOnly?: boolean }) {
  const inbox = useSettingsStore((s) => s.inboxes[0]);
  return inbox ? <PauseInbox inbox={inbox} readOnly={readOnly} /> : null;
}

function stubFetch(answer: (url: string, init: RequestInit) => unknown) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({
        url: String(url),
        method: init.method ?? 'GET',
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(JSON.stringify(answer(String(url), init)), { status: 200 });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ inboxes: [], selection: null });
  vi.unstubAllGlobals();
});

describe('PauseInbox', () => {
  it('pauses and resumes, showing "Paused" while it is', async () => {
    useAuthStore.setState({ csrfToken: 't', phase: 'signed_in' });
    useSettingsStore.setState({ inboxes: [emailInbox], selection: { inboxId: emailInbox.id } });
    const pausedAt = '2026-03-01T10:00:00.000Z';
    const calls = stubFetch((url) => ({
      ...emailInbox,
      pausedAt: url.endsWith('/pause') ? pausedAt : null,
    }));
    render(<StoredPauseInbox />);
    expect(screen.getByTestId('inbox-pause-state').textContent).toMatch(/fetched as they arrive/);
    fireEvent.click(screen.getByTestId('inbox-pause-toggle'));
    await waitFor(() => expect(screen.getByTestId('inbox-pause').dataset['paused']).toBe('true'));
    expect(screen.getByTestId('inbox-pause-state').textContent).toMatch(/^PausedPaused since/);
    expect(screen.getByTestId('inbox-pause-toggle').textContent).toBe('Resume');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST /api/inboxes/${emailInbox.id}/pause`,
    ]);
    fireEvent.click(screen.getByTestId('inbox-pause-toggle'));
    await waitFor(() => expect(screen.getByTestId('inbox-pause').dataset['paused']).toBe('false'));
    expect(calls.at(-1)?.url).toBe(`/api/inboxes/${emailInbox.id}/resume`);
  });

  it('shows an agent the state without the switch, and nothing for a channel that cannot pause', () => {
    useSettingsStore.setState({
      inboxes: [{ ...emailInbox, pausedAt: '2026-03-01T10:00:00.000Z' }],
    });
    render(<StoredPauseInbox readOnly />);
    expect(screen.getByTestId('inbox-pause-state').textContent).toMatch(/Paused since/);
    expect(screen.queryByTestId('inbox-pause-toggle')).toBeNull();
    cleanup();
    render(<PauseInbox inbox={{ ...emailInbox, kind: 'api', pausable: false }} readOnly={false} />);
    expect(screen.queryByTestId('inbox-pause')).toBeNull();
  });
});

describe('RemoveInbox', () => {
  it('deletes the history only once the exact name is typed', async () => {
    useAuthStore.setState({ csrfToken: 't', phase: 'signed_in' });
    useSettingsStore.setState({ inboxes: [emailInbox], selection: { inboxId: emailInbox.id } });
    const calls = stubFetch((url) =>
      url.endsWith('/api/inboxes') ? [] : { removed: true, historyDeleted: true },
    );
    render(<RemoveInbox inbox={emailInbox} />);
    fireEvent.click(screen.getByTestId('inbox-remove-button'));
    const confirm = screen.getByTestId('inbox-remove-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(false); // removing alone keeps the history: no name needed
    fireEvent.click(screen.getByTestId('inbox-remove-history'));
    expect(confirm.textContent).toBe('Remove and delete everything');
    expect(confirm.disabled).toBe(true);
    const name = screen.getByTestId('inbox-remove-name');
    for (const wrong of ['Support', 'support mail', 'Support mail ']) {
      fireEvent.change(name, { target: { value: wrong } });
      expect(confirm.disabled).toBe(true);
    }
    fireEvent.change(name, { target: { value: 'Support mail' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(useSettingsStore.getState().inboxes).toEqual([]));
    expect(calls[0]).toEqual({
      url: `/api/inboxes/${emailInbox.id}`,
      method: 'DELETE',
      body: { deleteHistory: true, confirmName: 'Support mail' },
    });
  });
});
