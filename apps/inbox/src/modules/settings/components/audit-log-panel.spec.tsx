import type { AuditLogEntryDto, Page } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLogPanel } from './audit-log-panel';

const entry = (
  id: string,
  action: AuditLogEntryDto['action'],
  label: string,
): AuditLogEntryDto => ({
  id,
  action,
  actor: { id: null, label },
  target: { type: 'inbox', id: 'i-1', label: 'Billing' },
  ip: '203.0.113.7',
  details: {},
  createdAt: '2026-11-01T10:00:00.000Z',
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AuditLogPanel', () => {
  it('lists entries, pages with the cursor and filters by action', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        const page: Page<AuditLogEntryDto> = url.includes('cursor=')
          ? { items: [entry('2', 'inbox.created', 'old@x.test')], nextCursor: null }
          : url.includes('action=auth.sign_in_failed')
            ? { items: [entry('3', 'auth.sign_in_failed', 'intruder@x.test')], nextCursor: null }
            : { items: [entry('1', 'inbox.updated', 'ann@x.test')], nextCursor: 'c1' };
        return new Response(JSON.stringify(page), { status: 200 });
      }),
    );
    render(<AuditLogPanel />);
    expect(await screen.findByText('ann@x.test')).toBeTruthy();
    const [row] = screen.getAllByTestId('audit-log-entry');
    expect(within(row!).getByText('Changed an inbox')).toBeTruthy();
    expect(within(row!).getByText('203.0.113.7')).toBeTruthy();
    expect(within(row!).getByText('Billing')).toBeTruthy();

    fireEvent.click(screen.getByText('Show older entries'));
    expect(await screen.findByText('old@x.test')).toBeTruthy();
    expect(screen.getAllByTestId('audit-log-entry')).toHaveLength(2);
    expect(urls.some((u) => u.includes('cursor=c1'))).toBe(true);

    fireEvent.change(screen.getByTestId('audit-log-filter'), {
      target: { value: 'auth.sign_in_failed' },
    });
    expect(await screen.findByText('intruder@x.test')).toBeTruthy();
    expect(screen.getAllByTestId('audit-log-entry')).toHaveLength(1);
  });
});
