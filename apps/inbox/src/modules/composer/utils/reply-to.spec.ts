import { describe, expect, it } from 'vitest';
import { message } from '../../../test-support/fixtures';
import { canReplyTo, replyExcerpt } from './reply-to';

describe('canReplyTo', () => {
  it('offers a reply on a customer message of a chat channel', () => {
    expect(canReplyTo(message({ channel: 'telegram' }))).toBe(true);
    expect(canReplyTo(message({ channel: 'webchat' }))).toBe(true);
  });

  it('offers none on email, on our own messages, notes, activities or unsent copies', () => {
    expect(canReplyTo(message({ channel: 'email' }))).toBe(false);
    expect(
      canReplyTo(
        message({
          direction: 'outgoing',
          sender: { type: 'operator', id: 'op', name: 'Ann' },
        }),
      ),
    ).toBe(false);
    expect(canReplyTo(message({ kind: 'note' }))).toBe(false);
    expect(canReplyTo(message({ kind: 'activity' }))).toBe(false);
    expect(canReplyTo(message({ id: 'local:1' }))).toBe(false);
  });
});

describe('replyExcerpt', () => {
  it('puts the message on one line and cuts it with an ellipsis', () => {
    expect(replyExcerpt('Hello,\n\n  my order   is late')).toBe('Hello, my order is late');
    expect(replyExcerpt('abcdefghij', 4)).toBe('abcd…');
  });

  it('never cuts an emoji in half, and drops hidden characters', () => {
    expect(replyExcerpt('👍👍👍', 2)).toBe('👍👍…');
    expect(replyExcerpt('pay\u202Eme')).toBe('payme');
  });

  it('has nothing to show for a message without visible text', () => {
    expect(replyExcerpt(null)).toBeNull();
    expect(replyExcerpt('\u200B  ')).toBeNull();
  });
});
