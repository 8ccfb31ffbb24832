import { randomUUID } from 'node:crypto';
import {
  conversationIdFromAddresses,
  conversationIdFromSubject,
  decodeConversationToken,
  encodeConversationToken,
  replyToAddress,
  stripSubjectToken,
  subjectWithToken,
} from './reply-token';
import {
  buildOutboundMessageId,
  conversationIdFromMessageId,
  extractMessageIds,
  isOwnMessageId,
  normalizeMessageId,
  synthesizeMessageId,
} from './message-id';

describe('conversation tokens', () => {
  it('round-trips any UUID through 26 characters', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomUUID();
      const token = encodeConversationToken(id);
      expect(token).toMatch(/^[0-9a-z]{26}$/);
      expect(decodeConversationToken(token)).toBe(id);
      expect(decodeConversationToken(token.toUpperCase())).toBe(id);
    }
  });

  it('rejects tokens that are not ours', () => {
    expect(decodeConversationToken('short')).toBeNull();
    expect(decodeConversationToken('zzzzzzzzzzzzzzzzzzzzzzzzzz')).toBeNull();
  });

  it('survives a subject round trip, once', () => {
    const id = randomUUID();
    const subject = subjectWithToken('Re: Help', id);
    expect(subjectWithToken(subject, id)).toBe(subject);
    expect(conversationIdFromSubject(`AW: ${subject}`)).toBe(id);
    expect(stripSubjectToken(subject)).toBe('Re: Help');
  });

  it('builds and reads a plus-address', () => {
    const id = randomUUID();
    const address = replyToAddress('support+old@example.test', id);
    expect(address).toMatch(/^support\+sb-[0-9a-z]{26}@example\.test$/);
    expect(conversationIdFromAddresses(['other@example.test', address])).toBe(id);
  });
});

describe('Message-IDs', () => {
  it('normalises to one bracketed form', () => {
    expect(normalizeMessageId(' <a.b@c> ')).toBe('<a.b@c>');
    expect(normalizeMessageId('a.b@c')).toBe('<a.b@c>');
    expect(normalizeMessageId('garbage')).toBeNull();
    expect(extractMessageIds('<a@b>\r\n <c@d>,<e@f>')).toEqual(['<a@b>', '<c@d>', '<e@f>']);
  });

  it('synthesises the same id for the same bytes and a different one for different bytes', () => {
    expect(synthesizeMessageId(Buffer.from('x'))).toBe(synthesizeMessageId(Buffer.from('x')));
    expect(synthesizeMessageId(Buffer.from('x'))).not.toBe(synthesizeMessageId(Buffer.from('y')));
  });

  it('names the conversation in our outbound ids', () => {
    const conv = randomUUID();
    const id = buildOutboundMessageId(conv, 'msg/1 2', 'support.example.test');
    expect(id).toBe(`<conv-${conv}.msg12@support.example.test>`);
    expect(conversationIdFromMessageId(id)).toBe(conv);
    expect(isOwnMessageId(id, 'support.example.test')).toBe(true);
    expect(isOwnMessageId(id, 'other.example')).toBe(false);
  });
});
