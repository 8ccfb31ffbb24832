import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { FeedRow } from './feed-row';

describe('feed row', () => {
  afterEach(cleanup);

  it('shows an email conversation’s subject on a line of its own, whole on hover', () => {
    const subject = `Refund for order 1042 — ${'very long detail '.repeat(10).trim()}`;
    render(
      <FeedRow
        conversation={conversation({ channel: 'email', subject })}
        selected={false}
        onOpen={() => undefined}
      />,
    );
    const line = screen.getByTestId('feed-row-subject');
    expect(line.textContent).toBe(subject);
    expect(line.getAttribute('title')).toBe(subject);
  });

  it('has no subject line for a conversation without one (chat)', () => {
    render(
      <FeedRow
        conversation={conversation({ channel: 'webchat', subject: null })}
        selected={false}
        onOpen={() => undefined}
      />,
    );
    expect(screen.queryByTestId('feed-row-subject')).toBeNull();
  });
});
