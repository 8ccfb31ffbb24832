import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { useTeamsStore } from '../../access/store/teams-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useAssignPickerStore } from '../store/assign-picker-store';
import { FollowToggle } from './follow-toggle';
import '../assignment.css';

/** The header's assignee (opens the picker, as the `a` key does) and the follow toggle. */
export function AssignmentControls({ conversation }: { conversation: ConversationSummaryDto }) {
  const assignee = usePeopleStore((s) => s.members.find((m) => m.id === conversation.assigneeId));
  const team = useTeamsStore((s) => s.teams.find((x) => x.id === conversation.assigneeTeamId));
  const name = conversation.assigneeId
    ? displayText(assignee?.name ?? t('assignment.someone'))
    : t('assignment.nobody');
  return (
    <div className="actions">
      <button
        type="button"
        className="button"
        data-testid="assign-button"
        data-assignee-id={conversation.assigneeId ?? ''}
        aria-haspopup="dialog"
        title={t('assignment.change')}
        onClick={() => useAssignPickerStore.getState().open([conversation.id])}
      >
        <span className="visually-hidden">{t('assignment.assignee')}: </span>
        <span className="assign-button__name">
          <bdi>{name}</bdi>
        </span>
        <kbd>a</kbd>
      </button>
      {conversation.assigneeTeamId && (
        <span className="chip" data-testid="assigned-team">
          <span className="visually-hidden">{t('assignment.team_label')}: </span>
          <bdi>{displayText(team?.name ?? t('assignment.someone'))}</bdi>
        </span>
      )}
      <FollowToggle conversationId={conversation.id} />
    </div>
  );
}
