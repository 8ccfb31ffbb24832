import { describe, expect, it } from 'vitest';
import { findMentionTrigger } from './mention-trigger';
import { mentionsInText, splitMentions } from './mentions-in-text';

const ANNA = { id: 'a', name: 'Anna' };
const ANNA_BERG = { id: 'ab', name: 'Anna Berg' };
const NOUR = { id: 'n', name: 'نور' };

describe('mentions in a note', () => {
  it('finds each mentioned colleague once, the longest name winning', () => {
    expect(mentionsInText('@Anna Berg please, and @Anna too', [ANNA, ANNA_BERG])).toEqual([
      ANNA_BERG,
      ANNA,
    ]);
    expect(mentionsInText('@Anna Berg please', [ANNA, ANNA_BERG])).toEqual([ANNA_BERG]);
    expect(mentionsInText('@Annabel and anna@x.io', [ANNA])).toEqual([]);
    expect(mentionsInText('(@نور) شكرا', [NOUR])).toEqual([NOUR]);
  });

  it('splits the text into plain runs and highlighted mentions', () => {
    expect(splitMentions('Hi @Anna Berg, see @Anna.', [ANNA, ANNA_BERG])).toEqual([
      { text: 'Hi ' },
      { text: '@Anna Berg', mention: ANNA_BERG },
      { text: ', see ' },
      { text: '@Anna', mention: ANNA },
      { text: '.' },
    ]);
    expect(splitMentions('no mentions', [])).toEqual([{ text: 'no mentions' }]);
  });

  it('opens the picker only for an @ at a word start', () => {
    expect(findMentionTrigger('Hi @An', 6)).toEqual({ start: 3, end: 6, query: 'An' });
    expect(findMentionTrigger('@', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(findMentionTrigger('jane@shop', 9)).toBeNull();
    expect(findMentionTrigger('@Anna\nnext', 10)).toBeNull();
    expect(findMentionTrigger('@ Anna', 6)).toBeNull();
  });
});
