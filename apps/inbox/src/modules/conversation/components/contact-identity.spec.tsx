import type { ConversationDetailDto } from '@switchboard/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { useConversationStore } from '../store/conversation-store';
import { ContactIdentity } from './contact-identity';

function withCard(identities: ConversationDetailDto['contactCard']['identities']) {
  const summary = conversation({ id: 'c-1', inboxId: 'inbox-tg', channel: 'telegram' });
  useConversationStore.setState({
    details: {
      'c-1': {
        ...summary,
        contactCard: {
          id: 'contact-1',
          name: 'Alice Tester',
          email: null,
          phone: null,
          identities,
          createdAt: summary.createdAt,
        },
      },
    },
  });
}

afterEach(() => {
  cleanup();
  useConversationStore.getState().reset();
});

describe('ContactIdentity', () => {
  it('shows the customer’s @username and app language on this channel', () => {
    withCard([
      {
        id: 'i-1',
        inboxId: 'inbox-tg',
        channel: 'telegram',
        externalId: '501',
        displayName: 'Alice Tester',
        username: 'alice_tg',
        language: 'de',
      },
    ]);
    render(<ContactIdentity conversationId="c-1" inboxId="inbox-tg" />);
    expect(screen.getByTestId('contact-username').textContent).toBe('@alice_tg');
    expect(screen.getByTestId('contact-language').textContent).toBe('App language: German');
  });

  it('shows nothing for a channel that knows neither', () => {
    withCard([
      {
        id: 'i-2',
        inboxId: 'inbox-tg',
        channel: 'telegram',
        externalId: '502',
        displayName: 'Bob',
      },
    ]);
    render(<ContactIdentity conversationId="c-1" inboxId="inbox-tg" />);
    expect(screen.queryByTestId('contact-identity')).toBeNull();
  });
});
