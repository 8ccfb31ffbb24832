import type { InboxDto, OperatorDto } from '@switchboard/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { useSettingsStore } from '../store/settings-store';
import SettingsScreen from './settings-screen';

const apiInbox: InboxDto = {
  id: '7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d002',
  kind: 'api',
  name: 'Shop API',
  settings: { outboundUrl: 'https://shop.example/hook' },
  secretsSet: ['signingSecret'],
  reopenPolicy: 'reopen',
  connectionError: null,
  pausedAt: null,
  pausable: false,
  replyWindowHours: null,
  webhookUrl: 'http://localhost/api/webhooks/i',
  statusCallbackUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function signIn(role: OperatorDto['role']) {
  useAuthStore.setState({
    csrfToken: 't',
    phase: 'signed_in',
    operator: { id: 'op-1', email: 'a@x.test', name: 'Ann', role, timezone: 'UTC', locale: 'en' },
  });
}

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ open: false, inboxes: [], selection: null, loadError: null });
  vi.unstubAllGlobals();
});

describe('SettingsScreen', () => {
  it('shows an agent the inboxes read-only, secrets only as "set"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify([apiInbox]), { status: 200 })),
    );
    signIn('agent');
    render(<SettingsScreen />);
    const url = (await screen.findByLabelText(/Outbound URL/)) as HTMLInputElement;
    expect(url.value).toBe('https://shop.example/hook');
    expect(url.closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByTestId('settings-read-only')).toBeTruthy();
    expect(screen.queryByTestId('settings-new-webchat')).toBeNull();
    expect(screen.queryByTestId('inbox-form-submit')).toBeNull();
    expect(screen.getByTestId('secret-state').textContent).toBe('set');
    expect(screen.queryByTestId('inbox-access')).toBeNull();
    expect(screen.queryByTestId('settings-teams')).toBeNull();
    expect((screen.getByLabelText(/Signing secret/) as HTMLInputElement).value).toBe('');
  });

  it('lets an admin edit and create', async () => {
    // The inbox's Access section asks for its members; everything else lists the inbox.
    const access = { inboxId: apiInbox.id, operatorIds: [], teamIds: [] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body = String(url).endsWith('/access') ? access : [apiInbox];
        return new Response(JSON.stringify(body), { status: 200 });
      }),
    );
    signIn('admin');
    render(<SettingsScreen />);
    const url = (await screen.findByLabelText(/Outbound URL/)) as HTMLInputElement;
    expect(url.closest('fieldset')?.disabled).toBe(false);
    expect(screen.getByTestId('inbox-form-submit')).toBeTruthy();
    expect(screen.getByTestId('settings-new-email')).toBeTruthy();
    // Admins choose who may work the inbox, and manage teams.
    expect((await screen.findByTestId('inbox-access-rule')).textContent).toMatch(
      /Every operator may work this inbox/,
    );
    expect(screen.getByTestId('settings-teams')).toBeTruthy();
  });
});
