import type { ConversationCsatEnvelopeDto } from '@switchboard/contracts';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversation, fakeFetch } from '../../../test-support/fixtures';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { useStreamStore } from '../../realtime/store/stream-store';
import { useCsatStore } from '../store/csat-store';
import { ConversationRating } from './conversation-rating';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useCsatStore.setState({ byConversation: {} });
});

describe('ConversationRating', () => {
  it('shows nothing until the customer answers, then "★ 2/5" with the comment, refreshed by csat.answered', async () => {
    const c = conversation({ channel: 'webchat' });
    let answer: ConversationCsatEnvelopeDto = {
      survey: {
        conversationId: c.id,
        state: 'sent',
        scale: 'csat',
        skipReason: null,
        sentAt: '2026-03-04T10:00:00.000Z',
        response: null,
      },
    };
    const fetch = vi.fn(fakeFetch({ [`/api/conversations/${c.id}/csat`]: () => answer }));
    vi.stubGlobal('fetch', fetch);
    const csatReads = () =>
      fetch.mock.calls.filter(([url]) => String(url).endsWith('/csat')).length;
    render(<ConversationRating conversationId={c.id} />);
    await act(async () => undefined);
    expect(csatReads()).toBe(1);
    expect(screen.queryByTestId('conversation-csat')).toBeNull();

    answer = {
      survey: {
        ...answer.survey!,
        state: 'answered',
        response: { rating: 2, comment: 'Too slow', answeredAt: '2026-03-04T10:05:00.000Z' },
      },
    };
    useStreamStore.getState().clear();
    applyStreamEvent({
      cursor: 1_000_001,
      type: 'csat.answered',
      conversationId: c.id,
      at: '2026-03-04T10:05:00.000Z',
      payload: {
        conversationId: c.id,
        scale: 'csat',
        rating: 2,
        comment: 'Too slow',
        conversation: c,
      },
    });
    const badge = await screen.findByTestId('conversation-csat');
    expect(badge.textContent).toContain('★ 2/5');
    expect(badge.getAttribute('title')).toBe('Customer rating: ★ 2/5 · “Too slow”');
    expect(badge.className).toContain('csat-badge--low');

    // Another conversation's answer does not re-read this one.
    applyStreamEvent({
      cursor: 1_000_002,
      type: 'csat.answered',
      conversationId: 'other',
      at: '2026-03-04T10:06:00.000Z',
      payload: {
        conversationId: 'other',
        scale: 'nps',
        rating: 9,
        comment: null,
        conversation: conversation(),
      },
    });
    expect(csatReads()).toBe(2);
  });

  it('NPS answers read "NPS 9"', async () => {
    const c = conversation();
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        [`/api/conversations/${c.id}/csat`]: () => ({
          survey: {
            conversationId: c.id,
            state: 'answered',
            scale: 'nps',
            skipReason: null,
            sentAt: '2026-03-04T10:00:00.000Z',
            response: { rating: 9, comment: null, answeredAt: '2026-03-04T10:05:00.000Z' },
          },
        }),
      }),
    );
    render(<ConversationRating conversationId={c.id} />);
    const badge = await screen.findByTestId('conversation-csat');
    expect(badge.textContent).toBe('NPS 9');
    expect(badge.getAttribute('title')).toBe('Customer rating: NPS 9');
    expect(badge.className).not.toContain('csat-badge--low');
  });
});
