import { describe, expect, it, vi } from 'vitest';
import { chatTexts } from './i18n';
import { renderMessage } from './message-view';

describe('renderMessage', () => {
  it('shows HTML and script as text, never as markup', () => {
    const onAttachment = vi.fn();
    const item = renderMessage(
      {
        id: 'm1',
        clientMessageId: null,
        author: 'operator',
        senderName: '<b>Anna</b>',
        text: '<img src=x onerror="alert(1)"><script>alert(2)</script>',
        attachments: [],
        status: null,
        createdAt: '2026-01-01T10:00:00.000Z',
      },
      { texts: chatTexts('en'), openAttachment: onAttachment },
    );
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('script')).toBeNull();
    expect(item.querySelector('b')).toBeNull();
    expect(item.querySelector('.sb-text')?.textContent).toBe(
      '<img src=x onerror="alert(1)"><script>alert(2)</script>',
    );
    expect(item.querySelector('.sb-text')?.getAttribute('dir')).toBe('auto');
  });

  it('shows ticks on the visitor’s own messages', () => {
    const item = renderMessage(
      {
        id: 'm2',
        clientMessageId: 'c2',
        author: 'visitor',
        senderName: null,
        text: 'hello',
        attachments: [],
        status: 'read',
        createdAt: '2026-01-01T10:00:00.000Z',
      },
      { texts: chatTexts('de'), openAttachment: vi.fn() },
    );
    expect(item.querySelector('.sb-meta')?.getAttribute('data-status')).toBe('read');
    expect(item.querySelector('.sb-meta')?.getAttribute('aria-label')).toBe('Gelesen');
  });
});
