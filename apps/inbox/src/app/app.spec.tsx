import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../modules/auth/store/auth-store';
import { App } from './app';

beforeEach(() => {
  localStorage.clear();
  useAuthStore.setState({ csrfToken: null, operator: null, phase: 'restoring' });
});

describe('App', () => {
  it('asks a signed-out operator to sign in and shows a refused login as text', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'bad' }), { status: 401 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in to Switchboard' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'anna@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That email and password do not match.',
    );
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/login',
      expect.objectContaining({ method: 'POST' }),
    );
  });
});
