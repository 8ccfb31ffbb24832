import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../store/auth-store';
import { ChangePasswordDialog } from './change-password-dialog';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(current: string, next: string) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
}

describe('ChangePasswordDialog', () => {
  it('sends both passwords with the CSRF token and confirms that other devices were signed out', async () => {
    useAuthStore.setState({ csrfToken: 'csrf-1', phase: 'signed_in' });
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<ChangePasswordDialog onClose={() => undefined} />);
    fill('old-password-1', 'new-password-123');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    });
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Password changed. Your other devices have been signed out.',
    );
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/password');
    expect(init.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-1' });
    expect(init.headers).not.toHaveProperty('Authorization');
    expect(JSON.parse(String(init.body))).toEqual({
      currentPassword: 'old-password-1',
      newPassword: 'new-password-123',
    });
  });

  it('says so when the current password is wrong, and stays signed in', async () => {
    useAuthStore.setState({ csrfToken: 'csrf-1', phase: 'signed_in' });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'no' }), { status: 403 }),
      ),
    );
    render(<ChangePasswordDialog onClose={() => undefined} />);
    fill('not-it', 'new-password-123');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The current password is not correct.',
    );
    expect(useAuthStore.getState().phase).toBe('signed_in');
  });
});
