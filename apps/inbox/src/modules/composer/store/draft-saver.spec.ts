import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_SAVE_DELAY_MS, DraftSaver } from './draft-saver';

const reply = (text: string) => ({ text, mode: 'message' as const });

describe('DraftSaver', () => {
  const persist = vi.fn();
  let saver: DraftSaver;
  beforeEach(() => {
    vi.useFakeTimers();
    persist.mockReset();
    saver = new DraftSaver(persist);
  });
  afterEach(() => vi.useRealTimers());

  it('writes once per pause in typing, the latest text', () => {
    saver.changed('c1', reply('H'));
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 100);
    saver.changed('c1', reply('Hi'));
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 100);
    expect(persist).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(persist).toHaveBeenCalledExactlyOnceWith('c1', reply('Hi'));
  });

  it('does not write back what the server already has', () => {
    saver.known('c1', reply('From the other browser'));
    saver.changed('c1', reply('From the other browser'));
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2);
    expect(persist).not.toHaveBeenCalled();
  });

  it('writes the pending draft at once when the operator moves on or the page closes', () => {
    saver.changed('c1', reply('Half a reply'));
    saver.changed('c2', reply('Other'));
    expect(persist).toHaveBeenCalledExactlyOnceWith('c1', reply('Half a reply'));
    const onUnload = vi.fn();
    saver.flush(onUnload);
    expect(onUnload).toHaveBeenCalledExactlyOnceWith('c2', reply('Other'));
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('retries a write that failed on the next change', async () => {
    persist.mockRejectedValueOnce(new Error('offline'));
    saver.changed('c1', reply('Hi'));
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS);
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    saver.changed('c1', reply('Hi'));
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS);
    expect(persist).toHaveBeenCalledTimes(2);
  });
});
