import type { InboxDto, PortalSettingsDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortalSettingsPanel } from './portal-settings-panel';

const ACCOUNT = '0b6c8e0e-4f7e-4a53-9b0e-2f0b8a4f6a11';
const MAIL = '1c4a7b2e-3d5f-4e6a-8b9c-0d1e2f3a4b5c';
const ORDERS = '2d5b8c3f-4e6a-4f7b-9cad-1e2f3a4b5c6d';
const CHAT = '3e6c9d4a-5f7b-4a8c-8dbe-2f3a4b5c6d7e';
const inboxes = [
  { id: MAIL, kind: 'email', name: 'Support mail' },
  { id: ORDERS, kind: 'api', name: 'Orders' },
  { id: CHAT, kind: 'webchat', name: 'Site chat' },
] as InboxDto[];

/** The settings route as the server answers it: PUT stores the choice, a foreign id is 404. */
function serve() {
  const puts: unknown[] = [];
  let stored: PortalSettingsDto = {
    targetInboxId: null,
    effectiveInboxId: MAIL,
    signInPath: `/portal/${ACCOUNT}/sign-in`,
  };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      expect(new URL(String(url), 'http://localhost').pathname).toBe('/api/portal-settings');
      if (init?.method !== 'PUT') return json(stored);
      const body = JSON.parse(String(init.body)) as { targetInboxId: string | null };
      puts.push(body);
      if (body.targetInboxId && body.targetInboxId !== ORDERS)
        return json({ statusCode: 404, code: 'NOT_FOUND', message: 'Inbox not found' }, 404);
      stored = {
        ...stored,
        targetInboxId: body.targetInboxId,
        effectiveInboxId: body.targetInboxId ?? MAIL,
      };
      return json(stored);
    }),
  );
  return puts;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PortalSettingsPanel', () => {
  it('shows the sign-in page and saves the inbox new requests go to', async () => {
    const puts = serve();
    render(<PortalSettingsPanel inboxes={inboxes} readOnly={false} />);
    const url = await screen.findByTestId<HTMLInputElement>('portal-sign-in-url');
    expect(url.value).toBe(`${window.location.origin}/portal/${ACCOUNT}/sign-in`);
    const select = screen.getByLabelText<HTMLSelectElement>('New requests go to');
    // Only inboxes the portal can file requests in are offered.
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Default: the first email inbox, else the first API inbox',
      'Support mail',
      'Orders',
    ]);
    expect(screen.getByTestId('portal-effective').textContent).toContain('Support mail');
    fireEvent.change(select, { target: { value: ORDERS } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByTestId('portal-message').textContent).toBe('Portal settings saved.'),
    );
    expect(puts).toEqual([{ targetInboxId: ORDERS }]);
    expect(screen.getByTestId('portal-effective').textContent).toContain('Orders');
  });

  it('is read-only for agents', async () => {
    serve();
    render(<PortalSettingsPanel inboxes={inboxes} readOnly />);
    expect((await screen.findByTestId<HTMLSelectElement>('portal-target')).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
