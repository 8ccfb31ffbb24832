import type { InboxDto, SavedViewDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';
import { FEED_TABS, type FeedFilters } from '../../feed/store/feed-filters';
import { useNavigationStore, type Screen } from '../../navigation/navigation-store';
import { filtersFromViewQuery } from '../../saved-views/store/view-query';
import { useSettingsStore } from '../../settings/store/settings-store';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import type { PaletteItem } from './palette-item';

export interface NavigationContext {
  inboxes: readonly InboxDto[];
  views: readonly SavedViewDto[];
  isAdmin: boolean;
}

/** Back to the feed (from settings or another screen), then change what it shows. */
function showInFeed(patch: Partial<FeedFilters>): void {
  useSettingsStore.getState().setOpen(false);
  useNavigationStore.getState().go({ name: 'inbox' });
  useFeedStore.getState().setFilters(patch);
}

function goTo(screen: Screen): void {
  useSettingsStore.getState().setOpen(false);
  useNavigationStore.getState().go(screen);
}

type Item = Omit<PaletteItem, 'group'>;

const SCREENS = [
  { screen: { name: 'contacts' }, label: 'nav.contacts' },
  { screen: { name: 'tasks' }, label: 'nav.tasks' },
  { screen: { name: 'automation' }, label: 'nav.automation' },
  { screen: { name: 'reports' }, label: 'nav.reports', adminOnly: true },
] as const;

/** Where the operator can go: status views, saved views, inboxes, screens, settings, help. */
export function navigationItems(ctx: NavigationContext): PaletteItem[] {
  const items: Item[] = FEED_TABS.map((status) => ({
    id: `status-${status}`,
    label: t(`palette.nav.status_${status}`),
    keywords: t('palette.keywords.view'),
    run: () => showInFeed({ status }),
  }));
  for (const view of ctx.views)
    items.push({
      id: `view-${view.id}`,
      label: t('palette.nav.view', { name: view.name }),
      keywords: t('palette.keywords.view'),
      run: () => showInFeed(filtersFromViewQuery(view.query)),
    });
  if (ctx.inboxes.length > 1)
    items.push({
      id: 'inbox-all',
      label: t('palette.nav.all_inboxes'),
      keywords: t('palette.keywords.inbox'),
      run: () => showInFeed({ inboxId: null }),
    });
  for (const inbox of ctx.inboxes)
    items.push({
      id: `inbox-${inbox.id}`,
      label: t('palette.nav.inbox', { name: inbox.name }),
      keywords: t('palette.keywords.inbox'),
      run: () => showInFeed({ inboxId: inbox.id }),
    });
  items.push({
    id: 'screen-inbox',
    label: t('palette.nav.screen', { screen: t('nav.inbox') }),
    run: () => goTo({ name: 'inbox' }),
  });
  for (const { screen, label, ...rest } of SCREENS)
    if (ctx.isAdmin || !('adminOnly' in rest))
      items.push({
        id: `screen-${screen.name}`,
        label: t('palette.nav.screen', { screen: t(label) }),
        run: () => goTo(screen),
      });
  items.push(
    {
      id: 'settings',
      label: t('palette.nav.settings'),
      keywords: t('palette.keywords.settings'),
      run: () => useSettingsStore.getState().setOpen(true),
    },
    {
      id: 'shortcuts',
      label: t('palette.nav.shortcuts'),
      keywords: t('palette.keywords.shortcuts'),
      hint: '?',
      run: () => useOverlayStore.getState().setHelpOpen(true),
    },
  );
  return items.map((item) => ({ ...item, group: 'navigation' }));
}
