import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './message-list';
import { markReadUntil, mergeMessage } from './message-list';

const base: ChatMessage = {
  id: 'local-1',
  clientMessageId: 'c1',
  author: 'visitor',
  senderName: null,
  text: 'hi',
  attachments: [],
  status: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  local: 'sending',
};

describe('mergeMessage', () => {
  it('replaces the optimistic copy with the stored message, matched by client id', () => {
    const list = mergeMessage([], base);
    const stored = { ...base, id: 'm1', status: 'sent' as const, local: undefined };
    const merged = mergeMessage(list, stored);
    expect(merged).toHaveLength(1);
    expect(merged[0].id).toBe('m1');
    expect(merged[0].local).toBeUndefined();
  });

  it('never moves ticks backwards when an older copy arrives late', () => {
    const stored = { ...base, id: 'm1', status: 'read' as const, local: undefined };
    const merged = mergeMessage([stored], { ...stored, status: 'sent' });
    expect(merged[0].status).toBe('read');
  });

  it('keeps messages in time order and does not duplicate by id', () => {
    const a = { ...base, id: 'a', clientMessageId: null, createdAt: '2026-01-01T10:00:02.000Z' };
    const b = { ...base, id: 'b', clientMessageId: null, createdAt: '2026-01-01T10:00:01.000Z' };
    const list = mergeMessage(mergeMessage(mergeMessage([], a), b), a);
    expect(list.map((m) => m.id)).toEqual(['b', 'a']);
  });
});

describe('markReadUntil', () => {
  it('marks stored visitor messages up to the time as read, not later or unsent ones', () => {
    const stored = { ...base, id: 'm1', local: undefined, status: 'delivered' as const };
    const later = {
      ...stored,
      id: 'm2',
      clientMessageId: 'c2',
      createdAt: '2026-01-01T10:05:00.000Z',
    };
    const sending = { ...base, id: 'local-3', clientMessageId: 'c3' };
    const list = markReadUntil([stored, later, sending], '2026-01-01T10:01:00.000Z');
    expect(list.map((m) => m.status)).toEqual(['read', 'delivered', null]);
  });
});
