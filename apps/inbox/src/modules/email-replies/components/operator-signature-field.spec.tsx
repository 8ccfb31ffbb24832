import type { OperatorDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { ProfileDialog } from '../../people/components/profile-dialog';

const operator: OperatorDto = {
  id: 'op-1',
  email: 'alice@acme.example',
  name: 'Alice',
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
};

/** The API: the stored signature, the profile, and what the dialog saved. */
function serve(refuse: string | null = null) {
  const saved: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname;
      if (path === '/api/operators/me/signature' && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { signature: string };
        if (refuse)
          return new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: refuse }), {
            status: 400,
          });
        saved.push(body);
        return new Response(JSON.stringify({ signature: body.signature.trim() }));
      }
      if (path === '/api/operators/me/signature')
        return new Response(JSON.stringify({ signature: '{{operator.name}}' }));
      if (path === '/api/operators/me')
        return new Response(
          JSON.stringify({ ...operator, avatarUrl: null, presence: 'online', active: true }),
        );
      return new Response(JSON.stringify({}));
    }),
  );
  return saved;
}

beforeEach(() => {
  useAuthStore.setState({ csrfToken: 't', phase: 'signed_in', operator });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the email signature in the profile', () => {
  it('shows the stored signature and saves the edited one with the profile', async () => {
    const saved = serve();
    render(<ProfileDialog onClose={() => undefined} />);
    const box = (await screen.findByTestId('profile-signature')) as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('{{operator.name}}'));
    fireEvent.change(box, { target: { value: '{{operator.name}}, tier 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Profile saved');
    expect(saved).toEqual([{ signature: '{{operator.name}}, tier 2' }]);
  });

  it('says why the server refused it', async () => {
    serve('signature: unknown placeholder {{contact.name}}');
    render(<ProfileDialog onClose={() => undefined} />);
    const box = (await screen.findByTestId('profile-signature')) as HTMLTextAreaElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.change(box, { target: { value: 'Hi {{contact.name}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'unknown placeholder {{contact.name}}',
    );
  });
});
