import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { conversation, message } from '../../../test-support/fixtures';
import { useComposerStore } from '../store/composer-store';
import { useHeldRepliesStore } from '../store/held-replies-store';
import { HeldReplyBanner, repliedAgo } from './held-reply-banner';

const conv = conversation({ id: 'c-1' });
const tenSecondsAgo = () => new Date(Date.now() - 10_000).toISOString();

beforeEach(() => {
  useHeldRepliesStore.setState({ byConversation: {} });
  useComposerStore.setState({ drafts: {} });
});

describe('HeldReplyBanner', () => {
  it('says who replied how long ago', () => {
    const at = '2026-03-04T10:00:00.000Z';
    expect(repliedAgo('Anna', at, Date.parse(at) + 10_400)).toBe('Anna replied 10 s ago');
    expect(repliedAgo('Anna', at, Date.parse(at) + 150_000)).toBe('Anna replied 2 min ago');
  });

  it('shows the colleague’s reply; "Review" puts the held text back into the composer', () => {
    const repliedAt = tenSecondsAgo();
    useHeldRepliesStore.getState().hold('c-1', {
      kind: 'message',
      text: 'Let me check.',
      attachments: [],
      collision: {
        repliedBy: { id: 'o-anna', name: 'Anna' },
        repliedAt,
        message: message({ id: 'm-anna', text: 'It left today.', createdAt: repliedAt }),
      },
    });
    render(<HeldReplyBanner conversation={conv} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Anna replied 10 s ago');
    expect(alert.textContent).toContain('It left today.');
    expect(screen.getByRole('button', { name: 'Send anyway' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useComposerStore.getState().drafts['c-1']).toEqual({
      text: 'Let me check.',
      mode: 'message',
    });
  });
});
