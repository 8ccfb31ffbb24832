import { describe, expect, it, vi } from 'vitest';
import { chatTexts } from './i18n';
import { renderMessage } from './message-view';

describe('renderMessage and hidden characters', () => {
  it('shows names without bidi controls and file names with them made visible', () => {
    const item = renderMessage(
      {
        id: 'm1',
        clientMessageId: null,
        author: 'operator',
        senderName: 'Anna\u202E\u200B',
        text: 'Here is the file',
        attachments: [
          { id: 'f1', filename: 'invoice\u202Efdp.exe', contentType: 'application/pdf', size: 3 },
        ],
        status: null,
        createdAt: '2026-01-01T10:00:00.000Z',
      },
      { texts: chatTexts('en'), openAttachment: vi.fn() },
    );
    expect(item.querySelector('.sb-who')?.textContent).toBe('Anna');
    expect(item.querySelector('.sb-file')?.textContent).toBe('invoice\uFFFDfdp.exe');
    // An SVG icon, not an emoji glyph that shows as a box without an emoji font.
    expect(item.querySelector('.sb-file svg[data-icon=attach]')).not.toBeNull();
  });
});
