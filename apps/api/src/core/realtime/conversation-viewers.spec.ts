import { ConversationViewers, type ViewingSignal } from './conversation-viewers';

const CONV = 'c1';
const tab = (
  socketId: string,
  operatorId: string,
  activity: ViewingSignal['activity'],
): ViewingSignal => ({ conversationId: CONV, socketId, operatorId, name: operatorId, activity });

describe('ConversationViewers', () => {
  it('collapses an operator’s tabs into one line, the busiest activity winning', () => {
    const viewers = new ConversationViewers(30_000);
    viewers.apply(tab('s1', 'anna', 'viewing'), 0);
    viewers.apply(tab('s2', 'anna', 'replying'), 0);
    viewers.apply(tab('s3', 'ben', 'noting'), 0);
    expect(viewers.viewersOf(CONV)).toEqual([
      { operatorId: 'anna', name: 'anna', activity: 'replying' },
      { operatorId: 'ben', name: 'ben', activity: 'noting' },
    ]);
  });

  it('reports a change only when the list may differ', () => {
    const viewers = new ConversationViewers(30_000);
    expect(viewers.apply(tab('s1', 'anna', 'viewing'), 0)).toBe(true);
    expect(viewers.apply(tab('s1', 'anna', 'viewing'), 5_000)).toBe(false); // a heartbeat
    expect(viewers.apply(tab('s1', 'anna', 'replying'), 6_000)).toBe(true);
    expect(viewers.apply(tab('s1', 'anna', null), 7_000)).toBe(true);
    expect(viewers.apply(tab('s1', 'anna', null), 8_000)).toBe(false);
    expect(viewers.viewersOf(CONV)).toEqual([]);
  });

  it('forgets a tab whose heartbeats stopped, and only that tab', () => {
    const viewers = new ConversationViewers(30_000);
    viewers.apply(tab('dead', 'anna', 'replying'), 0);
    viewers.apply(tab('alive', 'ben', 'viewing'), 0);
    viewers.apply(tab('alive', 'ben', 'viewing'), 20_000);
    expect(viewers.expire(29_999)).toEqual([]);
    expect(viewers.expire(30_000)).toEqual([CONV]);
    expect(viewers.viewersOf(CONV)).toEqual([
      { operatorId: 'ben', name: 'ben', activity: 'viewing' },
    ]);
    expect(viewers.expire(50_000)).toEqual([CONV]);
    expect(viewers.viewersOf(CONV)).toEqual([]);
  });
});
