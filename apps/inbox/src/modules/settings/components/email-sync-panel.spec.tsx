import type { EmailSyncStatusDto } from '@switchboard/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmailSyncPanel } from './email-sync-panel';

const status: EmailSyncStatusDto = {
  status: 'idle',
  mailbox: 'INBOX',
  lastUid: 9,
  history: { total: 3, done: 3, completed: true },
  lastError: null,
  lastErrorAt: null,
  lastSyncedAt: '2026-12-01T10:00:00.000Z',
  log: [
    {
      uid: 9,
      messageId: '<ooo@customer.example>',
      action: 'automated',
      reason: 'Stored, marked automated (auto-submitted)',
      at: '2026-12-01T10:00:00.000Z',
    },
    {
      uid: 8,
      messageId: null,
      action: 'newfangled',
      reason: 'Something new',
      at: '2026-12-01T09:00:00.000Z',
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('EmailSyncPanel', () => {
  it('names what happened to each logged mail in words, and shows an action it does not know as it came', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(status), { status: 200 })),
    );
    render(<EmailSyncPanel inboxId="7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d002" />);
    const log = await screen.findByTestId('email-sync-log');
    const actions = Array.from(log.querySelectorAll('strong')).map((s) => [
      s.getAttribute('data-action'),
      s.textContent,
    ]);
    expect(actions).toEqual([
      ['automated', 'Automated'],
      ['newfangled', 'newfangled'],
    ]);
    expect(log.textContent).toContain('Stored, marked automated (auto-submitted)');
  });
});
