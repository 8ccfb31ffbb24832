import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../../test-support/fixtures';
import { TimelineItem } from './timeline-item';

afterEach(cleanup);

const sent = (template: { id: string; variables: Record<string, string> } | null) =>
  message({
    id: template ? 'm-template' : 'm-free',
    channel: 'whatsapp',
    direction: 'outgoing',
    sender: { type: 'operator', id: 'op-1', name: 'Ann' },
    text: 'Hi Ana, your order #42 has shipped.',
    deliveryStatus: 'sent',
    template,
  });

describe('TimelineItem for a template send', () => {
  it('marks a message sent as a template, and only such a message', () => {
    render(
      <ol>
        <TimelineItem message={sent({ id: 'HX1', variables: { '1': 'Ana' } })} />
        <TimelineItem message={sent(null)} />
      </ol>,
    );
    const badges = screen.getAllByTestId('message-template');
    expect(badges).toHaveLength(1);
    expect(badges[0]?.textContent).toBe('Template');
    expect(badges[0]?.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe(
      'm-template',
    );
    expect(badges[0]?.getAttribute('title')).toBe('Sent as an approved template');
  });
});
