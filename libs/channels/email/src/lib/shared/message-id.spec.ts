import { extractMessageIds, normalizeMessageId } from './message-id';

describe('Message-ID parsing', () => {
  it('takes every bracketed local@domain, in order', () => {
    expect(extractMessageIds('<a@b.example> , <c@d.example>\r\n <e.f@g>')).toEqual([
      '<a@b.example>',
      '<c@d.example>',
      '<e.f@g>',
    ]);
    expect(extractMessageIds(['<x@y>', 'junk <z@w>'])).toEqual(['<x@y>', '<z@w>']);
  });

  it('needs characters on both sides of an @ (any of them, when there are several)', () => {
    expect(extractMessageIds('<a@> <@b> <@> <ab>')).toEqual([]);
    expect(extractMessageIds('<@a@b> <a@b@>')).toEqual(['<@a@b>', '<a@b@>']);
  });

  it('refuses spaces, quotes and nested brackets inside an id', () => {
    expect(extractMessageIds('<a b@c> <"a"@c> <a<b@c>')).toEqual(['<b@c>']);
  });

  it('accepts a bare id without brackets, nothing else', () => {
    expect(normalizeMessageId('  local@domain.example ')).toBe('<local@domain.example>');
    expect(normalizeMessageId('local@domain.example trailing')).toBeNull();
    expect(normalizeMessageId('no-at-sign')).toBeNull();
    expect(normalizeMessageId('<first@x> <second@y>')).toBe('<first@x>');
  });
});
