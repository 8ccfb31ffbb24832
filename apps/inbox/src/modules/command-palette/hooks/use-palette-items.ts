import { useMemo } from 'react';
import { currentTimeZone } from '../../../i18n/format';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useSavedViewsStore } from '../../saved-views/store/saved-views-store';
import { useTagsStore } from '../../tags/store/tags-store';
import { actionItems } from '../utils/action-items';
import { conversationItems } from '../utils/conversation-items';
import { navigationItems } from '../utils/navigation-items';
import { conversationNumberOf, rankItems, scoreItem } from '../utils/fuzzy-match';
import { PALETTE_GROUPS, type PaletteGroup, type PaletteItem } from '../utils/palette-item';
import { useConversationSearch } from './use-conversation-search';

/** Rows shown per section: the palette is for the few best, the lists are elsewhere. */
const GROUP_LIMIT: Record<PaletteGroup, number> = { conversations: 8, actions: 12, navigation: 10 };

export interface PaletteSection {
  group: PaletteGroup;
  items: PaletteItem[];
}

export interface PaletteResults {
  sections: PaletteSection[];
  /** The row Enter runs until the arrows move: the best fit of any section. */
  preferredId: string | null;
  searching: boolean;
  error: string | null;
}

/** Everything the palette offers for what was typed, ranked and grouped. */
export function usePaletteItems(query: string, now: Date): PaletteResults {
  const conversation = useConversationStore((s) =>
    s.selectedId ? s.summaries[s.selectedId] : undefined,
  );
  const meId = useAuthStore((s) => s.operator?.id ?? null);
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  const members = usePeopleStore((s) => s.members);
  const tags = useTagsStore((s) => s.tags);
  const inboxes = useFeedStore((s) => s.inboxes);
  const byId = useFeedStore((s) => s.byId);
  const order = useFeedStore((s) => s.order);
  const views = useSavedViewsStore((s) => s.views);
  const search = useConversationSearch(query);

  const sections = useMemo(() => {
    const loaded = order.flatMap((id) => (byId[id] ? [byId[id]] : []));
    const actions = actionItems({
      conversation,
      meId,
      members,
      tags,
      now,
      timeZone: currentTimeZone(),
      query,
    });
    // A new tag's name was typed: its row leads, whatever the ranking makes of the `#`.
    const newTag = actions.filter((item) => item.id === 'tag-new');
    const ranked: Record<PaletteGroup, PaletteItem[]> = {
      conversations: conversationItems(query, loaded, search.results),
      actions: [...newTag, ...rankItems(query, actions).filter((item) => item.id !== 'tag-new')],
      navigation: rankItems(query, navigationItems({ inboxes, views, isAdmin })),
    };
    return PALETTE_GROUPS.map((group) => ({
      group,
      items: ranked[group].slice(0, GROUP_LIMIT[group]),
    }));
  }, [query, now, conversation, meId, isAdmin, members, tags, inboxes, byId, order, views, search]);

  return {
    sections,
    preferredId: preferredOf(query, sections),
    searching: search.searching,
    error: search.error,
  };
}

/**
 * The sections keep their order, but Enter should run what fits best: typing "close" means the
 * action even when a customer's message says "close". A `#number` means its conversation; a
 * server result that matched on message text (not on its label) counts as the weakest fit.
 */
function preferredOf(query: string, sections: PaletteSection[]): string | null {
  const firsts = sections.flatMap((s) => (s.items[0] ? [s.items[0]] : []));
  if (conversationNumberOf(query) !== null) return firsts[0]?.id ?? null;
  let best: { id: string; score: number } | null = null;
  for (const item of firsts) {
    const score = item.id === 'tag-new' ? Infinity : (scoreItem(query, item) ?? 0);
    if (!best || score > best.score) best = { id: item.id, score };
  }
  return best?.id ?? null;
}
