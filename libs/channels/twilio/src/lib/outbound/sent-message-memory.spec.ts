import { SentMessageMemory } from './sent-message-memory';

describe('SentMessageMemory', () => {
  it('remembers, forgets, and drops the least recently used beyond its capacity', () => {
    const memory = new SentMessageMemory(2);
    memory.remember('a', 'SM1');
    memory.remember('b', 'SM2');
    expect(memory.get('a')).toBe('SM1'); // a is now the most recent
    memory.remember('c', 'SM3');
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')).toBe('SM1');
    memory.forget('a');
    expect(memory.get('a')).toBeUndefined();
    expect(memory.size).toBe(1);
  });
});
