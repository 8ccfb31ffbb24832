import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useReplyWindowRefusals } from '../store/reply-window-refusals';
import { ReplyWindowCountdown } from './reply-window-countdown';

const H = 3_600_000;
const M = 60_000;
const NOW = Date.parse('2026-03-04T10:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

const text = () => screen.getByTestId('reply-window').textContent;
const announced = () => screen.getByTestId('reply-window-announcement').textContent;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  useReplyWindowRefusals.setState({ byConversation: {} });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ReplyWindowCountdown', () => {
  it('counts down each minute without announcing the ticks, then says closed once', () => {
    render(
      <ReplyWindowCountdown conversation={{ id: 'c', replyWindowClosesAt: at(23 * H + 12 * M) }} />,
    );
    expect(text()).toBe('Reply window: 23 h 12 min left');
    expect(screen.getByTestId('reply-window').getAttribute('aria-live')).toBeNull();

    act(() => vi.advanceTimersByTime(M));
    expect(text()).toBe('Reply window: 23 h 11 min left');
    expect(announced()).toBe('');

    act(() => vi.advanceTimersByTime(23 * H + 10 * M));
    expect(text()).toBe('Reply window: 1 min left');
    act(() => vi.advanceTimersByTime(M));
    expect(text()).toBe('Reply window closed');
    expect(screen.getByTestId('reply-window').dataset['state']).toBe('closed');
    expect(announced()).toMatch(/^Reply window closed\. Only approved templates/);
    expect(screen.getByTestId('reply-window-announcement').getAttribute('aria-live')).toBe(
      'polite',
    );
  });

  it('follows a new closing time from the stream at once (the customer wrote again)', () => {
    const { rerender } = render(
      <ReplyWindowCountdown conversation={{ id: 'c', replyWindowClosesAt: at(-H) }} />,
    );
    expect(text()).toBe('Reply window closed');
    // Closed from the start is how it was found, not a change: nothing to announce.
    expect(announced()).toBe('');

    rerender(<ReplyWindowCountdown conversation={{ id: 'c', replyWindowClosesAt: at(24 * H) }} />);
    expect(text()).toBe('Reply window: 24 h left');
    expect(announced()).toBe('Reply window open again');
  });

  it('says closed when the server refused free text, until a newer closing time arrives', () => {
    const closesAt = at(5 * M);
    const { rerender } = render(
      <ReplyWindowCountdown conversation={{ id: 'c', replyWindowClosesAt: closesAt }} />,
    );
    expect(text()).toBe('Reply window: 5 min left');
    act(() => useReplyWindowRefusals.getState().refused('c', closesAt));
    expect(text()).toBe('Reply window closed');

    rerender(<ReplyWindowCountdown conversation={{ id: 'c', replyWindowClosesAt: at(24 * H) }} />);
    expect(text()).toBe('Reply window: 24 h left');
  });

  it('shows nothing on channels without a window', () => {
    render(<ReplyWindowCountdown conversation={{ id: 'c', replyWindowClosesAt: null }} />);
    expect(screen.queryByTestId('reply-window')).toBeNull();
  });
});
