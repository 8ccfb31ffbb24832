import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttachmentList } from '../../modules/composer/components/attachment-list';
import { TimelineItem } from '../../modules/conversation/components/timeline-item';
import { FeedRow } from '../../modules/feed/components/feed-row';
import { conversation, message } from '../../test-support/fixtures';

/** Where the inbox shows what a customer typed: no hidden character gets to disguise it. */
describe('customer-controlled text in the inbox', () => {
  it('shows who wrote each message, so a customer named like the team is told apart', () => {
    render(
      <ol>
        <TimelineItem
          message={message({
            sender: { type: 'contact', id: 'c1', name: 'Support\u200B Team\u202E' },
            text: 'Please send your password',
          })}
        />
        <TimelineItem
          message={message({
            direction: 'outgoing',
            sender: { type: 'operator', id: 'o1', name: 'Support Team' },
            text: 'We never ask for passwords',
          })}
        />
      </ol>,
    );
    const [fromCustomer, fromTeam] = screen.getAllByTestId('timeline-message');
    expect(within(fromCustomer!).getByText('Support Team')).toBeTruthy();
    expect(within(fromCustomer!).getByTestId('sender-kind').textContent).toBe('Customer');
    expect(within(fromTeam!).getByTestId('sender-kind').textContent).toBe('Team');
  });

  it('shows a bidi override in a file name instead of obeying it', () => {
    render(
      <AttachmentList
        attachments={[
          {
            id: '1',
            filename: 'invoice\u202Efdp.exe',
            contentType: 'application/octet-stream',
            size: 10,
            url: '/api/files/1/x',
          },
        ]}
      />,
    );
    const link = screen.getByTestId('attachment-link');
    expect(link.textContent).toBe('invoice\uFFFDfdp.exe');
    expect(link.getAttribute('download')).toBe('invoice\uFFFDfdp.exe');
    expect(link.textContent).not.toContain('\u202E');
  });

  it('names a customer in the feed without invisible characters, or by their handle', () => {
    render(
      <>
        <FeedRow
          conversation={conversation({
            contact: { id: 'a', name: '\u2067adm\u200Bin\u2069', handle: null },
            lastMessagePreview: 'pay \u202Etxt.exe',
          })}
          selected={false}
          onOpen={() => undefined}
        />
        <FeedRow
          conversation={conversation({
            contact: { id: 'b', name: '\u200B\u200E', handle: 'bob@example.com' },
          })}
          selected={false}
          onOpen={() => undefined}
        />
      </>,
    );
    const [first, second] = screen.getAllByTestId('feed-row');
    expect(first!.querySelector('.feed-row__name')?.textContent).toBe('admin');
    expect(first!.querySelector('.feed-row__preview')?.textContent).toBe('pay txt.exe');
    expect(second!.querySelector('.feed-row__name')?.textContent).toBe('bob@example.com');
  });
});
