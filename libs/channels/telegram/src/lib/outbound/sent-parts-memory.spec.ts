import { SentPartsMemory } from './sent-parts-memory';

describe('SentPartsMemory', () => {
  it('remembers accepted parts per key and forgets the least recently used first', () => {
    const memory = new SentPartsMemory(2);
    memory.record('a', 1, 2, 10);
    memory.record('a', 1, 2, 11);
    memory.record('b', 1, 1, 12);
    memory.get('a'); // a is now the most recently used
    memory.record('c', 1, 1, 13);
    expect(memory.get('a')).toEqual({ chatId: 1, messageIds: [10, 11], total: 2 });
    expect(memory.get('b')).toBeUndefined();
    memory.forget('a');
    expect(memory.get('a')).toBeUndefined();
  });
});
