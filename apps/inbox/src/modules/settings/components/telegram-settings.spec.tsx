import type { InboxDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { useSettingsStore } from '../store/settings-store';
import SettingsScreen from './settings-screen';

const TOKEN_OK = '7001:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const TOKEN_REVOKED = '9999:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ';

const connected: InboxDto = {
  id: '7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d010',
  kind: 'telegram',
  name: 'Telegram',
  settings: {
    botId: 7001,
    botUsername: 'acme_help_bot',
    botName: 'Acme Help',
    delivery: 'polling',
  },
  secretsSet: ['botToken', 'webhookSecret'],
  reopenPolicy: 'reopen',
  connectionError: null,
  pausedAt: null,
  pausable: false,
  replyWindowHours: null,
  webhookUrl: 'http://localhost/api/webhooks/i',
  statusCallbackUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** The inboxes API: POST answers like the server (422 with Telegram's reason for a bad token). */
function serve(initial: InboxDto[]) {
  let inboxes = [...initial];
  const calls: Call[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname;
      const method = init?.method ?? 'GET';
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path, body });
      if (path.endsWith('/access'))
        return json({ inboxId: path.split('/')[3], operatorIds: [], teamIds: [] });
      if (method === 'POST') {
        const token = (body as { secrets: { botToken: string } }).secrets.botToken;
        if (token !== TOKEN_OK)
          return json(
            {
              statusCode: 422,
              code: 'CHANNEL_CONNECT_FAILED',
              message: 'Telegram rejected the bot token (401 Unauthorized)',
            },
            422,
          );
        inboxes = [...inboxes, connected];
        return json(connected, 201);
      }
      if (method === 'DELETE') {
        inboxes = inboxes.filter((i) => !path.endsWith(i.id));
        return json({ removed: true });
      }
      return json(inboxes);
    }),
  );
  return calls;
}

beforeEach(() => {
  useAuthStore.setState({
    csrfToken: 't',
    phase: 'signed_in',
    operator: {
      id: 'op-1',
      email: 'a@x.test',
      name: 'Ann',
      role: 'admin',
      timezone: 'UTC',
      locale: 'en',
    },
  });
});

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ open: false, inboxes: [], selection: null, loadError: null });
  vi.unstubAllGlobals();
});

describe('Telegram in the inbox settings', () => {
  it('connects a bot: a refused token says why inline, a good one shows the bot', async () => {
    const calls = serve([]);
    render(<SettingsScreen />);
    fireEvent.click(await screen.findByTestId('settings-new-telegram'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Telegram' } });
    const token = screen.getByLabelText(/Bot token/) as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.required).toBe(true);
    // How to get a token is said next to the field, with a way to BotFather.
    const hintId = token.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(hintId)?.textContent).toMatch(/@BotFather/);
    expect(screen.getByRole('link', { name: 'Open @BotFather' }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );

    fireEvent.change(token, { target: { value: TOKEN_REVOKED } });
    fireEvent.click(screen.getByTestId('inbox-form-submit'));
    expect((await screen.findByTestId('inbox-form-error')).textContent).toBe(
      'Could not save: Telegram rejected the bot token (401 Unauthorized)',
    );
    // The typed token stays for a correction.
    expect((screen.getByLabelText(/Bot token/) as HTMLInputElement).value).toBe(TOKEN_REVOKED);

    fireEvent.change(screen.getByLabelText(/Bot token/), { target: { value: TOKEN_OK } });
    fireEvent.click(screen.getByTestId('inbox-form-submit'));
    expect((await screen.findByTestId('telegram-bot-name')).textContent).toBe('Acme Help');
    expect(screen.getByTestId('telegram-bot-username').textContent).toBe('@acme_help_bot');
    const link = screen.getByTestId('telegram-bot-link');
    expect(link.getAttribute('href')).toBe('https://t.me/acme_help_bot');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByTestId('telegram-delivery').textContent).toBe(
      'Long polling (no public https URL)',
    );
    expect((screen.getByLabelText(/Bot token/) as HTMLInputElement).value).toBe('');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).toEqual([
      expect.objectContaining({ kind: 'telegram', secrets: { botToken: TOKEN_REVOKED } }),
      expect.objectContaining({ kind: 'telegram', secrets: { botToken: TOKEN_OK } }),
    ]);
  });

  it('shows why a connected channel cannot work', async () => {
    serve([
      { ...connected, connectionError: 'Telegram rejected the bot token (401 Unauthorized)' },
    ]);
    render(<SettingsScreen />);
    const alert = await screen.findByTestId('inbox-connection-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Telegram rejected the bot token (401 Unauthorized)');
    // Replacing the token is optional: empty keeps the stored one.
    expect(screen.getByLabelText(/Bot token/).getAttribute('placeholder')).toMatch(/Leave empty/);
    expect((screen.getByLabelText(/Bot token/) as HTMLInputElement).required).toBe(false);
  });

  it('removes an inbox only after confirming; Esc steps back without leaving the settings', async () => {
    const calls = serve([connected]);
    useSettingsStore.setState({ open: true });
    render(<SettingsScreen />);
    fireEvent.click(await screen.findByTestId('inbox-remove-button'));
    const question = screen.getByRole('group', { name: 'Remove “Telegram”?' });
    expect(question.textContent).toContain('Conversations stay; the channel stops receiving.');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);

    fireEvent.keyDown(cancel, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /Remove/ })).toBeNull();
    expect(useSettingsStore.getState().open).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('inbox-remove-button'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByTestId('inbox-remove-button'));
    fireEvent.click(screen.getByTestId('inbox-remove-confirm'));
    await waitFor(() => expect(screen.queryByTestId('settings-inbox')).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/api/inboxes/${connected.id}`,
    ]);
  });
});
