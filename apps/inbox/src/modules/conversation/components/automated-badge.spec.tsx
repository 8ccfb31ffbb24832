import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../../test-support/fixtures';
import { TimelineItem } from './timeline-item';

afterEach(cleanup);

describe('TimelineItem for automated mail', () => {
  it('marks mail a machine sent, and only such mail', () => {
    render(
      <ol>
        <TimelineItem
          message={message({ id: 'm-ooo', channel: 'email', text: 'I am out', automated: true })}
        />
        <TimelineItem message={message({ id: 'm-person', channel: 'email', text: 'Hello' })} />
      </ol>,
    );
    const badges = screen.getAllByTestId('message-automated');
    expect(badges).toHaveLength(1);
    expect(badges[0]?.textContent).toBe('Automated');
    expect(badges[0]?.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe('m-ooo');
  });
});
