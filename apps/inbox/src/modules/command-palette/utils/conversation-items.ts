import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { openConversation } from '../../conversation/store/conversation-commands';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { focusSearchMatch } from '../../search/store/search-commands';
import { useSettingsStore } from '../../settings/store/settings-store';
import { conversationNumberOf, rankItems } from './fuzzy-match';
import type { PaletteItem } from './palette-item';

/**
 * Opens a conversation wherever the operator is: settings and other screens give way to the
 * inbox, and a conversation the feed does not list (another status, another inbox) opens too.
 */
export function jumpToConversation(conversation: ConversationSummaryDto): void {
  useSettingsStore.getState().setOpen(false);
  useNavigationStore.getState().go({ name: 'inbox' });
  useConversationStore.setState((s) =>
    conversation.id in s.summaries
      ? s
      : { summaries: { ...s.summaries, [conversation.id]: conversation } },
  );
  focusSearchMatch(conversation);
  openConversation(conversation.id);
}

function nameOf(c: ConversationSummaryDto): string {
  return c.contact.name ?? c.contact.handle ?? t('feed.row.unknown_contact');
}

export function conversationItem(c: ConversationSummaryDto): PaletteItem {
  return {
    id: `conversation-${c.id}`,
    group: 'conversations',
    label: t('palette.conversation', { number: c.number, name: nameOf(c) }),
    keywords: [c.contact.handle, c.subject].filter(Boolean).join(' '),
    hint: t(`feed.tab.${c.status}`),
    conversation: c,
    run: () => jumpToConversation(c),
  };
}

/**
 * The conversations for what was typed: the one with that `#number` first, then the ones already
 * loaded in the feed that fit (instant), then the server's search results (all statuses).
 */
export function conversationItems(
  query: string,
  loaded: readonly ConversationSummaryDto[],
  searched: readonly ConversationSummaryDto[],
): PaletteItem[] {
  if (!query.trim()) return [];
  const number = conversationNumberOf(query);
  const all = new Map<string, ConversationSummaryDto>();
  for (const c of [...searched, ...loaded]) if (!all.has(c.id)) all.set(c.id, c);
  const exact = [...all.values()].filter((c) => c.number === number);
  const local = number === null ? rankItems(query, loaded.map(conversationItem)) : [];
  const seen = new Set<string>();
  const out: PaletteItem[] = [];
  for (const item of [...exact.map(conversationItem), ...local, ...searched.map(conversationItem)])
    if (!seen.has(item.id)) {
      seen.add(item.id);
      out.push(item);
    }
  return out;
}
