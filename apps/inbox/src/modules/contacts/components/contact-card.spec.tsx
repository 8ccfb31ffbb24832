import type { ContactAttributeDto, ContactDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useContactCardStore } from '../store/contact-card-store';
import { ContactCard } from './contact-card';

const requests: Array<{ method: string; url: string; body: unknown }> = [];
const attributes: ContactAttributeDto[] = [
  {
    id: 'a-1',
    key: 'plan',
    label: 'Plan',
    type: 'list',
    options: ['gold', 'silver'],
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: 'a-2',
    key: 'seats',
    label: 'Seats',
    type: 'number',
    options: [],
    createdAt: '2026-01-01T00:00:00Z',
  },
];
let card: ContactDto;

beforeEach(() => {
  requests.length = 0;
  useContactCardStore.getState().reset();
  card = {
    id: 'c-1',
    name: 'Ана Лима',
    email: 'ana@example.test',
    phone: 'whatever a channel sent',
    notes: null,
    attributes: { seats: 5 },
    createdAt: '2026-01-01T00:00:00Z',
    lastSeenAt: '2026-02-01T00:00:00Z',
    languages: ['pt-BR'],
    countries: ['DE'],
    identities: [
      {
        id: 'i-1',
        inboxId: 'in-1',
        inboxName: 'Support',
        channel: 'telegram',
        externalId: '42',
        displayName: 'Ana',
        username: 'ana_l',
      },
      {
        id: 'i-2',
        inboxId: 'in-2',
        inboxName: 'WA',
        channel: 'whatsapp',
        externalId: 'whatsapp:+4915112345678',
        displayName: null,
      },
    ],
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : null;
      requests.push({ method, url: decodeURIComponent(url), body });
      const json = (value: unknown) =>
        new Response(JSON.stringify(value), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      if (url.startsWith('/api/contact-attributes')) return json(attributes);
      // The merge section (another module) asks for suggestions and history: none here.
      if (url.includes('merge')) return json([]);
      if (url.includes('/conversations'))
        return json({
          items: [
            {
              id: 'v-1',
              number: 7,
              status: 'closed',
              channel: 'telegram',
              inboxId: 'in-1',
              inboxName: 'Support',
              subject: null,
              lastMessagePreview: 'Thanks!',
              lastActivityAt: '2026-01-02T00:00:00Z',
            },
          ],
          nextCursor: null,
        });
      if (method === 'PATCH') {
        card = {
          ...card,
          ...(body as Partial<ContactDto>),
          attributes: { ...card.attributes, plan: 'gold' },
        };
      }
      return json(card);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ContactCard', () => {
  it('shows identities on every channel, language, location, attributes and conversations', async () => {
    render(<ContactCard contactId="c-1" variant="page" />);
    await waitFor(() => expect(screen.getByTestId('contact-name').textContent).toBe('Ана Лима'));
    const rows = screen.getAllByTestId('contact-identity-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('@ana_l'),
      expect.stringContaining('+4915112345678'),
    ]);
    expect(screen.getByTestId('contact-countries').textContent).toContain('Germany');
    await waitFor(() =>
      expect(screen.getByTestId('contact-attr-seats').textContent).toContain('5'),
    );
    expect(screen.getByTestId('contact-conversation').getAttribute('data-status')).toBe('closed');
  });

  it('saves only what changed (a stored phone the server would refuse is not resent)', async () => {
    render(<ContactCard contactId="c-1" variant="page" />);
    await waitFor(() => expect(screen.getByTestId('contact-attr-plan')).toBeTruthy());
    fireEvent.click(screen.getByTestId('contact-edit'));
    fireEvent.change(screen.getByTestId('contact-input-notes'), {
      target: { value: 'Call after 5' },
    });
    fireEvent.change(screen.getByTestId('contact-attr-input-plan'), { target: { value: 'gold' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('contact-save'));
    });
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ notes: 'Call after 5', attributes: { plan: 'gold' } });
    await waitFor(() =>
      expect(screen.getByTestId('contact-notes').textContent).toBe('Call after 5'),
    );
    expect(screen.getByTestId('contact-attr-plan').textContent).toContain('gold');
  });
});
