import { lazy, Suspense, useEffect } from 'react';
import { t } from '../i18n/i18n';
import { OperatorMenu } from '../modules/auth/components/operator-menu';
import { useAuthStore } from '../modules/auth/store/auth-store';
import { ConversationPane } from '../modules/conversation/components/conversation-pane';
import { ContactSidePanel } from '../modules/contacts/components/contact-side-panel';
import { useConversationStore } from '../modules/conversation/store/conversation-store';
import { FeedPane } from '../modules/feed/components/feed-pane';
import { FeedAnnouncer } from '../modules/feed/components/feed-announcer';
import { useFeedStore } from '../modules/feed/store/feed-store';
import { NotificationCentre } from '../modules/notifications/components/notification-centre';
import { NotificationToggle } from '../modules/notifications/components/notification-toggle';
import { useNotificationCentreStore } from '../modules/notifications/store/notification-centre-store';
import { useTitleBadge } from '../modules/notifications/hooks/use-title-badge';
import { useNotificationsStore } from '../modules/notifications/store/notifications-store';
import { ConnectionIndicator } from '../modules/realtime/components/connection-indicator';
import { useStreamConnection } from '../modules/realtime/hooks/use-stream-connection';
import { SettingsButton } from '../modules/settings/components/settings-button';
import { useSettingsStore } from '../modules/settings/store/settings-store';
import { ShortcutsDialog } from '../modules/shortcuts/components/shortcuts-dialog';
import { CommandPalette } from '../modules/command-palette/components/command-palette';
import { AssigneePicker } from '../modules/assignment/components/assignee-picker';
import { useShortcuts } from '../modules/shortcuts/hooks/use-shortcuts';
import { TaskDialogHost } from '../modules/tasks/components/task-dialog';
import { useTasksStore } from '../modules/tasks/store/tasks-store';
import { useOverlayStore } from '../modules/shortcuts/store/overlay-store';
import { Icon } from '../shared/ui/icons';
import { Toasts } from '../shared/ui/toasts';
import { resyncFromRest } from './resync';
import { useHashSelection } from './use-hash-selection';
import { ScreenNav } from '../modules/navigation/screen-nav';
import { useNavigationStore } from '../modules/navigation/navigation-store';
import { useHashScreen } from '../modules/navigation/use-hash-screen';

// Its own chunk: most sessions never open it, and first paint has a budget.
const SettingsScreen = lazy(() => import('../modules/settings/components/settings-screen'));
const ContactsScreen = lazy(() => import('../modules/contacts/components/contacts-screen'));
const ContactPage = lazy(() => import('../modules/contacts/components/contact-page'));
const TasksScreen = lazy(() => import('../modules/tasks/components/tasks-screen'));
const AutomationScreen = lazy(() => import('../modules/automation/components/automation-screen'));
const ReportsScreen = lazy(() => import('../modules/reports/components/reports-screen'));
const KnowledgeBaseScreen = lazy(
  () => import('../modules/knowledge-base/components/knowledge-base-screen'),
);

export function AppShell() {
  const csrfToken = useAuthStore((s) => s.csrfToken);
  const operatorId = useAuthStore((s) => s.operator?.id ?? null);
  const hasSelection = useConversationStore((s) => s.selectedId !== null);
  const lastNotice = useNotificationsStore((s) => s.lastShown);
  const settingsOpen = useSettingsStore((s) => s.open);
  const screen = useNavigationStore((s) => s.screen);
  // Every string and date is rendered in the operator's language and zone: a change redraws the
  // whole shell at once. Only the view is re-mounted: the feed, the open conversation and the live
  // connection (this component's effects) stay as they are.
  const preferences = useAuthStore(
    (s) => `${s.operator?.locale ?? ''}|${s.operator?.timezone ?? ''}`,
  );

  useEffect(() => {
    const feed = useFeedStore.getState();
    feed.setMe(operatorId);
    void feed.loadFirstPage();
    void feed.refreshCounts();
    void feed.loadInboxes();
    return () => {
      useFeedStore.getState().reset();
      useConversationStore.getState().reset();
      useNotificationsStore.getState().reset();
      useNotificationCentreStore.getState().reset();
      useTasksStore.getState().reset();
    };
  }, [operatorId]);

  useStreamConnection(csrfToken, resyncFromRest);
  useShortcuts();
  useTitleBadge();
  useHashSelection();
  useHashScreen();

  return (
    <div key={preferences} className="shell" data-view={hasSelection ? 'conversation' : 'list'}>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="brand-mark brand-mark--small" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </div>
        <ScreenNav />
        <ConnectionIndicator />
        <div className="topbar__spacer" />
        <NotificationToggle />
        <NotificationCentre />
        <SettingsButton />
        <button
          type="button"
          className="icon-button"
          data-testid="shortcuts-open"
          aria-label={t('shell.shortcuts')}
          data-tooltip={t('shell.shortcuts')}
          onClick={() => useOverlayStore.getState().setHelpOpen(true)}
        >
          <Icon name="keyboard" />
        </button>
        <OperatorMenu />
      </header>
      {settingsOpen ? (
        <Suspense fallback={null}>
          <SettingsScreen />
        </Suspense>
      ) : screen.name === 'contacts' ? (
        <Suspense fallback={null}>
          <ContactsScreen />
        </Suspense>
      ) : screen.name === 'contact' ? (
        <Suspense fallback={null}>
          <ContactPage contactId={screen.contactId} />
        </Suspense>
      ) : screen.name === 'tasks' ? (
        <Suspense fallback={null}>
          <TasksScreen />
        </Suspense>
      ) : screen.name === 'automation' ? (
        <Suspense fallback={null}>
          <AutomationScreen />
        </Suspense>
      ) : screen.name === 'reports' ? (
        <Suspense fallback={null}>
          <ReportsScreen />
        </Suspense>
      ) : screen.name === 'knowledge-base' ? (
        <Suspense fallback={null}>
          <KnowledgeBaseScreen articleId={screen.articleId ?? null} />
        </Suspense>
      ) : (
        <main className="panes">
          <FeedPane />
          <ConversationPane />
          <ContactSidePanel />
        </main>
      )}
      <ShortcutsDialog />
      <CommandPalette />
      <AssigneePicker />
      <TaskDialogHost />
      <Toasts />
      <FeedAnnouncer />
      <div className="visually-hidden" aria-live="polite" data-testid="last-notification">
        {lastNotice ? `${lastNotice.title}: ${lastNotice.body}` : ''}
      </div>
    </div>
  );
}
