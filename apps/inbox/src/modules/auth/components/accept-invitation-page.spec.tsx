import type { InvitationPreviewDto, SessionDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../store/auth-store';
import { AcceptInvitationPage, invitationTokenFromHash } from './accept-invitation-page';

const PREVIEW: InvitationPreviewDto = {
  email: 'marek@x.test',
  role: 'agent',
  accountName: 'Acme',
  expiresAt: '2026-12-07T00:00:00.000Z',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('AcceptInvitationPage', () => {
  it('reads the token from the fragment', () => {
    expect(invitationTokenFromHash('#token=abc-123')).toBe('abc-123');
    expect(invitationTokenFromHash('')).toBeNull();
  });

  it('joins with a name and password and signs in', async () => {
    window.location.hash = '#token=tok-123456789012345678901';
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        bodies.push(JSON.parse(init.body as string));
        if (url === '/api/invitations/preview')
          return new Response(JSON.stringify(PREVIEW), { status: 200 });
        const session: SessionDto = {
          operator: {
            id: 'm',
            email: PREVIEW.email,
            name: 'Marek',
            role: 'agent',
            timezone: 'UTC',
            locale: 'en',
          },
          csrfToken: 'csrf',
          expiresAt: '2026-12-01T00:00:00.000Z',
        };
        return new Response(JSON.stringify(session), { status: 200 });
      }),
    );
    const onDone = vi.fn();
    render(<AcceptInvitationPage onDone={onDone} />);
    expect(await screen.findByText('You are invited as marek@x.test.')).toBeTruthy();
    expect(screen.getByText('Join Acme on Switchboard')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Marek' } });
    fireEvent.change(screen.getByLabelText(/Choose a password/), {
      target: { value: 'marek-password-1' },
    });
    fireEvent.submit(screen.getByRole('button', { name: 'Join and sign in' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodies[1]).toEqual({
      token: 'tok-123456789012345678901',
      name: 'Marek',
      password: 'marek-password-1',
      session: 'cookie',
    });
    expect(useAuthStore.getState().operator?.name).toBe('Marek');
  });

  it('shows why a used or expired link no longer works', async () => {
    window.location.hash = '#token=used-token-1234567890123';
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              statusCode: 410,
              code: 'GONE',
              message: 'This invitation link was already used; sign in instead',
            }),
            { status: 410 },
          ),
      ),
    );
    render(<AcceptInvitationPage onDone={() => undefined} />);
    expect((await screen.findByTestId('invitation-invalid')).textContent).toMatch(/already used/);
  });
});
