import type {
  CannedReplyDto,
  ContactAttributeDto,
  InboxDto,
  TagDto,
  TeamDto,
  TeamMemberDto,
} from '@switchboard/contracts';
import { useEffect } from 'react';
import { useTeamsStore } from '../../access/store/teams-store';
import { useCannedRepliesStore } from '../../canned-replies/store/canned-replies-store';
import { useContactCardStore } from '../../contacts/store/contact-card-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useTagsStore } from '../../tags/store/tags-store';

export interface RuleChoices {
  inboxes: InboxDto[];
  operators: TeamMemberDto[];
  teams: TeamDto[];
  tags: TagDto[];
  cannedReplies: CannedReplyDto[];
  /** Null until the definitions are known (values are then not type-checked in the form). */
  attributes: ContactAttributeDto[] | null;
}

/** What the editor's pickers offer, from the stores other screens keep (loaded once here). */
export function useRuleChoices(): RuleChoices {
  const inboxes = useFeedStore((s) => s.inboxes);
  const members = usePeopleStore((s) => s.members);
  const teams = useTeamsStore((s) => s.teams);
  const tags = useTagsStore((s) => s.tags);
  const cannedReplies = useCannedRepliesStore((s) => s.replies);
  const attributes = useContactCardStore((s) => s.attributes);
  const attributesLoaded = useContactCardStore((s) => s.attributesLoaded);

  useEffect(() => {
    if (useFeedStore.getState().inboxes.length === 0) void useFeedStore.getState().loadInboxes();
    if (!usePeopleStore.getState().loaded) void usePeopleStore.getState().load();
    void useTeamsStore.getState().load();
    void useTagsStore.getState().load();
    void useCannedRepliesStore.getState().load();
    void useContactCardStore.getState().loadAttributes();
  }, []);

  return {
    inboxes,
    operators: members.filter((m) => m.active),
    teams,
    tags,
    // A rule acts for the account: shared replies first (the server decides which it accepts).
    cannedReplies: [...cannedReplies].sort(
      (a, b) => Number(a.scope !== 'shared') - Number(b.scope !== 'shared'),
    ),
    attributes: attributesLoaded ? attributes : null,
  };
}
