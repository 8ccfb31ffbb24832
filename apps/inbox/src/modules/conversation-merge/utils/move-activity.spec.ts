import { describe, expect, it } from 'vitest';
import { activityText } from '../../conversation/utils/activity-text';
import { isMoveActivity, linkedConversation } from './move-activity';

const by = { id: 'op', name: 'Anna' };
const ref = { id: 'c-7', number: 7 };

describe('merge and split activities', () => {
  it('read in words, with the number of the other conversation and what moved', () => {
    expect(activityText({ type: 'conversation_merged', by, source: ref, movedCount: 3 })).toBe(
      'Anna merged #7 into this conversation (3 messages)',
    );
    expect(activityText({ type: 'merged_into', by, target: ref, movedCount: 1 })).toBe(
      'Anna merged this conversation into #7 (1 message)',
    );
    expect(activityText({ type: 'split_from', by, source: ref, movedCount: 2 })).toBe(
      'Anna split this conversation out of #7 (2 messages)',
    );
    expect(activityText({ type: 'split_into', by, target: ref, movedCount: 1 })).toBe(
      'Anna moved 1 message to the new conversation #7',
    );
  });

  it('link to the other conversation; other activities are not theirs', () => {
    const merged = { type: 'merged_into' as const, by, target: ref, movedCount: 1 };
    expect(isMoveActivity(merged)).toBe(true);
    expect(linkedConversation(merged)).toBe(ref);
    expect(isMoveActivity({ type: 'snooze_expired' })).toBe(false);
    expect(isMoveActivity(null)).toBe(false);
  });
});
