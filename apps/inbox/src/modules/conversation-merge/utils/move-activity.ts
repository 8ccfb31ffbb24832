import type { Activity, ConversationRef } from '@switchboard/contracts';
import { t, tp } from '../../../i18n/i18n';

export type MoveActivity = Extract<
  Activity,
  { type: 'conversation_merged' | 'merged_into' | 'split_from' | 'split_into' }
>;

const MOVE_TYPES = new Set<Activity['type']>([
  'conversation_merged',
  'merged_into',
  'split_from',
  'split_into',
]);

export function isMoveActivity(activity: Activity | null | undefined): activity is MoveActivity {
  return Boolean(activity && MOVE_TYPES.has(activity.type));
}

/** The other conversation a merge or split activity links to. */
export function linkedConversation(activity: MoveActivity): ConversationRef {
  return 'source' in activity ? activity.source : activity.target;
}

/** "Anna merged #12 into this conversation (5 messages)". */
export function moveActivityText(activity: MoveActivity): string {
  return t(`activity.${activity.type}`, {
    actor: activity.by.name,
    number: linkedConversation(activity).number,
    moved: tp('merge.moved', activity.movedCount),
  });
}
