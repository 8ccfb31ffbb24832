import type { InboxDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { useSettingsStore } from '../store/settings-store';
import SettingsScreen from './settings-screen';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN_OK = 'a'.repeat(32);
const TOKEN_BAD = 'b'.repeat(32);
const ID = '7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d0a1';

const whatsapp: InboxDto = {
  id: ID,
  kind: 'whatsapp',
  name: 'WhatsApp',
  settings: { accountSid: SID, sender: 'whatsapp:+14155238886', accountName: 'Acme Support' },
  secretsSet: ['authToken'],
  reopenPolicy: 'reopen',
  connectionError: null,
  pausedAt: null,
  pausable: false,
  replyWindowHours: 24,
  webhookUrl: `https://sb.example/api/webhooks/${ID}`,
  statusCallbackUrl: `https://sb.example/api/webhooks/${ID}?event=status`,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const sms: InboxDto = {
  ...whatsapp,
  name: 'SMS',
  settings: { accountSid: SID, sender: '+14155550100', accountName: 'Acme Support' },
  replyWindowHours: null,
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** The inboxes API: POST answers like the server (422 with Twilio's reason for a bad token). */
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
        const token = (body as { secrets: { authToken?: string } }).secrets.authToken;
        if (token !== TOKEN_OK)
          return json(
            {
              statusCode: 422,
              code: 'CHANNEL_CONNECT_FAILED',
              message: 'Twilio refused the Account SID and auth token (20003 Authenticate)',
            },
            422,
          );
        inboxes = [...inboxes, whatsapp];
        return json(whatsapp, 201);
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

const hintOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('WhatsApp / SMS (Twilio) in the inbox settings', () => {
  it('connects a sender: a refused token says why, then the sender and its URLs show', async () => {
    const calls = serve([]);
    render(<SettingsScreen />);
    const kind = await screen.findByTestId('settings-new-whatsapp');
    expect(kind.textContent).toContain('WhatsApp / SMS (Twilio)');
    fireEvent.click(kind);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'WhatsApp' } });
    const sid = screen.getByLabelText('Account SID');
    const sender = screen.getByLabelText('Sender');
    const token = screen.getByLabelText(/Auth token/) as HTMLInputElement;
    expect(sender.getAttribute('dir')).toBe('ltr');
    expect(hintOf(sender)).toMatch(
      /whatsapp:\+14155238886 for a WhatsApp sender.*\+14155550100 for an SMS number/,
    );
    expect(hintOf(sid)).toMatch(/starts with AC/);
    expect(token.type).toBe('password');
    expect(token.required).toBe(true);

    fireEvent.change(sid, { target: { value: SID } });
    fireEvent.change(sender, { target: { value: 'whatsapp:+14155238886' } });
    fireEvent.change(token, { target: { value: TOKEN_BAD } });
    fireEvent.click(screen.getByTestId('inbox-form-submit'));
    expect((await screen.findByTestId('inbox-form-error')).textContent).toBe(
      'Could not save: Twilio refused the Account SID and auth token (20003 Authenticate)',
    );

    fireEvent.change(screen.getByLabelText(/Auth token/), { target: { value: TOKEN_OK } });
    fireEvent.click(screen.getByTestId('inbox-form-submit'));
    expect((await screen.findByTestId('twilio-account-name')).textContent).toBe('Acme Support');
    expect(screen.getByTestId('twilio-sender-address').textContent).toBe('whatsapp:+14155238886');
    expect(screen.getByTestId('twilio-channel').textContent).toBe('WhatsApp');
    expect((screen.getByTestId('twilio-webhook-url') as HTMLInputElement).value).toBe(
      whatsapp.webhookUrl,
    );
    expect((screen.getByTestId('twilio-status-url') as HTMLInputElement).value).toBe(
      whatsapp.statusCallbackUrl,
    );
    expect(screen.getByTestId('twilio-paste-hint').textContent).toMatch(
      /“A message comes in” \(HTTP POST\).*status callback is set on every send automatically/,
    );
    expect(screen.getByTestId('twilio-window-rule').textContent).toMatch(
      /The 24-hour rule.*answer freely for 24 hours after the customer’s last message/,
    );
    expect((screen.getByLabelText(/Auth token/) as HTMLInputElement).value).toBe('');

    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(posts[1]).toEqual({
      kind: 'whatsapp',
      name: 'WhatsApp',
      reopenPolicy: 'reopen',
      settings: { accountSid: SID, sender: 'whatsapp:+14155238886' },
      secrets: { authToken: TOKEN_OK },
    });
  });

  it('copies each URL with a labelled button', async () => {
    serve([whatsapp]);
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<SettingsScreen />);
    useSettingsStore.getState().select({ inboxId: ID });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Incoming messages URL' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(whatsapp.webhookUrl));
    expect((await screen.findByTestId('twilio-webhook-url-copy')).textContent).toBe('Copied');
    fireEvent.click(screen.getByRole('button', { name: 'Copy Status callback URL' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(whatsapp.statusCallbackUrl));
  });

  it('shows an SMS number without the 24-hour rule, and keeps the stored token when left empty', async () => {
    serve([sms]);
    render(<SettingsScreen />);
    expect((await screen.findByTestId('twilio-channel')).textContent).toBe('SMS');
    expect(screen.queryByTestId('twilio-window-rule')).toBeNull();
    const token = screen.getByLabelText(/Auth token/) as HTMLInputElement;
    expect(token.required).toBe(false);
    expect(token.getAttribute('placeholder')).toMatch(/Leave empty/);
  });
});
