import { beforeEach, describe, expect, it } from 'vitest';
import { colleaguesIn, useViewersStore } from './viewers-store';

const anna = { operatorId: 'o-anna', name: 'Anna', activity: 'replying' as const };
const me = { operatorId: 'o-me', name: 'Me', activity: 'viewing' as const };

beforeEach(() => useViewersStore.getState().reset());

describe('viewers store', () => {
  it('keeps the latest list per conversation and forgets an empty one', () => {
    useViewersStore.getState().receive({ conversationId: 'c-1', viewers: [anna, me] });
    expect(useViewersStore.getState().byConversation['c-1']).toEqual([anna, me]);
    useViewersStore.getState().receive({ conversationId: 'c-1', viewers: [] });
    expect(useViewersStore.getState().byConversation).toEqual({});
  });

  it('shows colleagues, not the operator’s own tabs', () => {
    expect(colleaguesIn([anna, me], 'o-me')).toEqual([anna]);
  });
});
