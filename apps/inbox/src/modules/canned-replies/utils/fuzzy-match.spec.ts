import type { CannedReplyDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { fuzzyScore, matchCannedReplies } from './fuzzy-match';
import { findSlashTrigger, replaceTrigger } from './slash-trigger';

const reply = (shortcut: string, title: string, body: string): CannedReplyDto => ({
  id: shortcut,
  scope: 'personal',
  ownerOperatorId: 'o',
  title,
  shortcut,
  body,
  attachments: [],
  createdAt: '',
  updatedAt: '',
});

describe('fuzzy matching of canned replies', () => {
  const replies = [
    reply('faq', 'Read the FAQ, Dave', 'See our FAQ'),
    reply('refund', 'Refund policy', 'Refunds take 5 days'),
    reply('hello', 'Greeting', 'Hi {{contact.first_name}}, thanks for waiting'),
    reply('thanks', 'Thanks', 'Thanks, and hello again'),
  ];

  it('matches letters in order with gaps, case-insensitively', () => {
    expect(fuzzyScore('RFD', 'Refund')).not.toBeNull();
    expect(fuzzyScore('dfr', 'Refund')).toBeNull();
  });

  it('searches shortcut, title and body, best first', () => {
    expect(matchCannedReplies(replies, 'rfnd').map((r) => r.id)).toEqual(['refund']);
    // A hit in the shortcut outranks one in the body.
    expect(matchCannedReplies(replies, 'hello').map((r) => r.id)).toEqual(['hello', 'thanks']);
    expect(matchCannedReplies(replies, 'greet').map((r) => r.id)).toEqual(['hello']);
    expect(matchCannedReplies(replies, 'waiting').map((r) => r.id)).toEqual(['hello']);
    expect(matchCannedReplies(replies, 'again').map((r) => r.id)).toEqual(['thanks']);
    expect(matchCannedReplies(replies, 'zzz')).toEqual([]);
    expect(matchCannedReplies(replies, '').map((r) => r.id)).toEqual([
      'faq',
      'refund',
      'hello',
      'thanks',
    ]);
  });
});

describe('the `/` trigger', () => {
  it('opens at the start of a word only', () => {
    expect(findSlashTrigger('/ref', 4)).toEqual({ start: 0, end: 4, query: 'ref' });
    expect(findSlashTrigger('see /re', 7)).toEqual({ start: 4, end: 7, query: 're' });
    expect(findSlashTrigger('see /', 5)).toEqual({ start: 4, end: 5, query: '' });
    expect(findSlashTrigger('and/or', 6)).toBeNull();
    expect(findSlashTrigger('https://x', 9)).toBeNull();
    expect(findSlashTrigger('/ref done', 9)).toBeNull();
  });

  it('replaces the typed trigger and puts the caret after the insertion', () => {
    const text = 'Hi /hel there';
    const trigger = findSlashTrigger(text, 7)!;
    expect(replaceTrigger(text, trigger, 'Hello Ana')).toEqual({
      text: 'Hi Hello Ana there',
      caret: 12,
    });
  });
});

describe('fuzzy ranking', () => {
  it('prefers word starts and runs of letters', () => {
    const ranked = matchCannedReplies(
      [reply('tue', 'Tuesday', 'We open on Tuesday'), reply('ty', 'Thank you', 'Thanks!')],
      'ty',
    );
    expect(ranked.map((r) => r.id)).toEqual(['ty', 'tue']);
  });
});
