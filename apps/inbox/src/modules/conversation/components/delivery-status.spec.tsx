import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../../test-support/fixtures';
import { DeliveryStatus } from './delivery-status';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DeliveryStatus', () => {
  const uncertain = message({
    id: '11111111-1111-4111-8111-111111111111',
    direction: 'outgoing',
    sender: { type: 'operator', id: 'op-1', name: 'Ann' },
    deliveryStatus: 'uncertain',
    failureReason: 'The channel did not answer within 300 s; the message may have been delivered.',
  });

  it('says a delivery is uncertain and why, and sends again only after the operator confirms', async () => {
    const calls: Array<{ url: string; method: string }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, method: init?.method ?? 'GET' });
        return new Response(JSON.stringify({ ...uncertain, deliveryStatus: 'pending' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
    render(<DeliveryStatus message={uncertain} />);
    const status = screen.getByTestId('delivery-status');
    expect(status.getAttribute('data-status')).toBe('uncertain');
    expect(status.textContent).toContain('Delivery uncertain: The channel did not answer');

    fireEvent.click(screen.getByRole('button', { name: 'Send again' }));
    expect(screen.getByText(/may already have it and get it twice/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Send again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, send again' }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      url: expect.stringMatching(/\/api\/messages\/11111111-1111-4111-8111-111111111111\/resend$/),
      method: 'POST',
    });
  });

  it('keeps "Retry" for failed sends and plain ticks for the rest', () => {
    render(
      <DeliveryStatus
        message={{ ...uncertain, deliveryStatus: 'failed', failureReason: '550 no such user' }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send again' })).toBeNull();
    cleanup();
    render(
      <DeliveryStatus message={{ ...uncertain, deliveryStatus: 'read', failureReason: null }} />,
    );
    expect(screen.getByTestId('delivery-status').getAttribute('data-status')).toBe('read');
  });
});
