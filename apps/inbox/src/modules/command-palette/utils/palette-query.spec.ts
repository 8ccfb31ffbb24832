import type { ConversationSummaryDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { searchTextOf } from '../hooks/use-conversation-search';
import { newTagName } from './action-items';
import { conversationItems } from './conversation-items';

const summary = (number: number, name: string, handle: string | null = null) =>
  ({
    id: `c${number}`,
    number,
    status: 'open',
    subject: null,
    contact: { id: `k${number}`, name, handle },
  }) as ConversationSummaryDto;

describe('what the palette sends to the search API', () => {
  it('is plain words: no phrases, numbers or tags, nothing the API would refuse', () => {
    expect(searchTextOf('  where is "my order  ')).toBe('where is my order');
    expect(searchTextOf('#vip refund')).toBe('vip refund');
    expect(searchTextOf('a b c d e f g h i j k l')).toBe('a b c d e f g h i j');
    expect(searchTextOf(' " # ')).toBeNull();
    expect(searchTextOf('ada@example.com')).toBe('ada@example.com');
  });
});

describe('a new tag typed in the palette', () => {
  it('is "#name" or "tag name"', () => {
    expect(newTagName('#urgent')).toBe('urgent');
    expect(newTagName('tag  Needs review ')).toBe('Needs review');
    expect(newTagName('Tag vip')).toBe('vip');
  });

  it('is nothing else', () => {
    for (const text of ['urgent', '#', 'tag', 'tagged', '#a#b', `#${'x'.repeat(51)}`])
      expect(newTagName(text)).toBeNull();
  });
});

describe('conversation rows', () => {
  const loaded = [summary(7, 'Ada Lovelace', 'ada@example.com'), summary(12, 'Grace Hopper')];

  it('puts the conversation with the typed number first', () => {
    const searched = [summary(99, 'Someone'), summary(12, 'Grace Hopper')];
    expect(conversationItems('#12', loaded, searched).map((i) => i.id)).toEqual([
      'conversation-c12',
      'conversation-c99',
    ]);
  });

  it('matches loaded rows by name or email at once, then adds the server results', () => {
    expect(conversationItems('grace', loaded, []).map((i) => i.id)).toEqual(['conversation-c12']);
    expect(conversationItems('ada@ex', loaded, [summary(3, 'Ada B')]).map((i) => i.id)).toEqual([
      'conversation-c7',
      'conversation-c3',
    ]);
    expect(conversationItems('', loaded, [])).toEqual([]);
  });
});
