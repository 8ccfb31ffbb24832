import type { ContactMergePreviewDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activityText } from '../../conversation/utils/activity-text';
import { MergePreviewDialog } from './merge-preview-dialog';
import { mergeReasonText } from './merge-text';

const requests: Array<{ method: string; url: string; body: unknown }> = [];

const preview: ContactMergePreviewDto = {
  survivor: {
    id: 's',
    name: 'Ana Phone',
    email: null,
    phone: '+442079460958',
    identityCount: 1,
    conversationCount: 1,
  },
  other: {
    id: 'o',
    name: 'Ana Ruiz',
    email: null,
    phone: '442079460958',
    identityCount: 1,
    conversationCount: 1,
  },
  identities: [
    {
      id: 'i',
      channel: 'whatsapp',
      inboxName: 'WA',
      externalId: 'whatsapp:+44',
      displayName: null,
    },
  ],
  conversations: [],
  conversationCounts: { open: 1, snoozed: 0, closed: 2 },
  fields: [
    {
      field: 'name',
      survivor: 'Ana Phone',
      other: 'Ana Ruiz',
      conflict: true,
      winner: 'survivor',
      result: 'Ana Phone',
    },
    {
      field: 'notes',
      survivor: 'VIP',
      other: 'Late payer',
      conflict: true,
      winner: 'survivor',
      result: 'VIP',
    },
    {
      field: 'email',
      survivor: null,
      other: null,
      conflict: false,
      winner: 'survivor',
      result: null,
    },
  ],
  warnings: [{ code: 'values_differ', fields: ['name', 'notes'] }],
};

beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : null;
      requests.push({ method, url: decodeURIComponent(url), body });
      const json = url.includes('/merge-preview')
        ? preview
        : url.endsWith('/merge')
          ? { id: 'm' }
          : url.includes('/conversations')
            ? { items: [], nextCursor: null }
            : url.includes('/merge') || url.includes('attributes')
              ? []
              : { id: 's', name: 'Ana Ruiz', identities: [], createdAt: new Date(0).toISOString() };
      return new Response(JSON.stringify(json), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MergePreviewDialog', () => {
  it('shows what joins and sends the operator’s picks with confirm', async () => {
    const onClose = vi.fn();
    render(<MergePreviewDialog survivorId="s" otherId="o" onClose={onClose} />);
    await screen.findByText('Merge Ana Ruiz into Ana Phone');
    expect(screen.getByTestId('contact-merge-conversation-counts').textContent).toBe(
      '1 open, 0 snoozed, 2 closed conversations',
    );
    expect(
      screen.getByText(
        'Different values for Name, Notes: the one not kept comes back if the merge is undone.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByTestId('contact-merge-pick-name-other'));
    fireEvent.click(screen.getByTestId('contact-merge-pick-notes-both'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('contact-merge-confirm'));
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requests).toContainEqual({
      method: 'POST',
      url: '/api/contacts/s/merge',
      body: { otherId: 'o', picks: { name: 'other', notes: 'both' }, confirm: true },
    });
  });
});

describe('merge texts', () => {
  it('says why two contacts look alike and what a merge did', () => {
    expect(mergeReasonText({ kind: 'phone', value: '+442079460958' })).toBe(
      'Same phone +442079460958',
    );
    expect(mergeReasonText({ kind: 'widget_email', value: 'a@b.test', confirmed: false })).toBe(
      'Typed a@b.test in the chat (not confirmed)',
    );
    const by = { id: 'op', name: 'Anna' };
    expect(
      activityText({
        type: 'contact_merged',
        by,
        from: { id: 'o', name: 'Ana Ruiz' },
        into: { id: 's', name: null },
      }),
    ).toBe('Anna merged Ana Ruiz into Unnamed customer');
  });
});
