import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTimeZone } from '../../../i18n/format';
import { setLocale } from '../../../i18n/i18n';
import { message } from '../../../test-support/fixtures';
import { EMPTY_DRAFT, useComposerStore } from '../../composer/store/composer-store';
import { useReplyTargetStore } from '../../composer/store/reply-target-store';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import { TimelineItem } from './timeline-item';

const fromCustomer = (name: string, text: string, id: string) =>
  message({
    id,
    conversationId: 'c-group',
    channel: 'telegram',
    sender: { type: 'contact', id: `contact-${name}`, name },
    text,
  });

beforeEach(() => {
  setLocale('en-GB');
  setTimeZone('Europe/Berlin');
  useReplyTargetStore.setState({ byConversation: {} });
  useComposerStore.setState({ drafts: { 'c-group': { text: '', mode: 'note' } } });
});

afterEach(() => {
  cleanup();
  setLocale('en');
  setTimeZone('UTC');
});

describe('TimelineItem on a chat channel', () => {
  it('names each group member on their own message', () => {
    render(
      <ol>
        <TimelineItem message={fromCustomer('Alice Tester', 'Our shipment is stuck', 'm-1')} />
        <TimelineItem message={fromCustomer('Bob Tester', 'Same here', 'm-2')} />
      </ol>,
    );
    const senders = screen
      .getAllByTestId('timeline-message')
      .map((li) => li.querySelector('.message__sender')?.textContent);
    expect(senders).toEqual(['Alice Tester', 'Bob Tester']);
  });

  it('offers Reply on a customer message: the composer answers that message', () => {
    const focusBefore = useOverlayStore.getState().replyFocusRequest;
    render(
      <ol>
        <TimelineItem message={fromCustomer('Alice Tester', 'Where is my order?', 'm-3')} />
      </ol>,
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Reply to this message from Alice Tester' }),
    );
    expect(useReplyTargetStore.getState().byConversation['c-group']).toEqual({
      id: 'm-3',
      text: 'Where is my order?',
    });
    // A note answers nobody: choosing Reply switches the composer to a reply, and focuses it.
    expect(useComposerStore.getState().drafts['c-group'] ?? EMPTY_DRAFT).toMatchObject({
      mode: 'message',
    });
    expect(useOverlayStore.getState().replyFocusRequest).toBe(focusBefore + 1);
  });

  it('offers no Reply on email, nor on the team’s own messages', () => {
    render(
      <ol>
        <TimelineItem message={message({ channel: 'email', text: 'Hi' })} />
        <TimelineItem
          message={message({
            channel: 'telegram',
            direction: 'outgoing',
            sender: { type: 'operator', id: 'op', name: 'Ann' },
          })}
        />
      </ol>,
    );
    expect(screen.queryByTestId('message-reply')).toBeNull();
  });

  it('quotes the customer message a reply answers', () => {
    render(
      <ol>
        <TimelineItem
          message={message({
            channel: 'telegram',
            direction: 'outgoing',
            sender: { type: 'operator', id: 'op', name: 'Ann' },
            deliveryStatus: 'sent',
            text: 'It ships today',
            replyTo: { id: 'm-3', text: 'Where   is\nmy order?' },
          })}
        />
      </ol>,
    );
    const quote = screen.getByTestId('message-reply-quote');
    expect(quote.getAttribute('data-reply-to')).toBe('m-3');
    expect(quote.textContent).toBe('In reply to: Where is my order?');
  });

  it('marks an edited message, with the time of the edit', () => {
    render(
      <ol>
        <TimelineItem
          message={{
            ...fromCustomer('Bob Tester', 'I ordered 4 boxes', 'm-4'),
            editedAt: '2026-03-04T10:05:00.000Z',
          }}
        />
      </ol>,
    );
    const edited = within(screen.getByTestId('timeline-message')).getByTestId('message-edited');
    expect(edited.firstChild?.textContent).toBe('edited');
    expect(edited.getAttribute('title')).toMatch(/^Edited .*11:05/);
    expect(edited.getAttribute('datetime')).toBe('2026-03-04T10:05:00.000Z');
  });
});
