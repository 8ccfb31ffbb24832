import { t } from '../../i18n/i18n';
import { useAuthStore } from '../auth/store/auth-store';
import { useSettingsStore } from '../settings/store/settings-store';
import { Icon, type IconName } from '../../shared/ui/icons';
import { useNavigationStore, type Screen } from './navigation-store';

const ITEMS: {
  screen: Screen;
  icon: IconName;
  label:
    | 'nav.inbox'
    | 'nav.contacts'
    | 'nav.tasks'
    | 'nav.automation'
    | 'nav.reports'
    | 'nav.knowledge_base';
  adminOnly?: boolean;
}[] = [
  { screen: { name: 'inbox' }, icon: 'inbox', label: 'nav.inbox' },
  { screen: { name: 'contacts' }, icon: 'users', label: 'nav.contacts' },
  { screen: { name: 'tasks' }, icon: 'task', label: 'nav.tasks' },
  { screen: { name: 'automation' }, icon: 'bolt', label: 'nav.automation' },
  { screen: { name: 'reports' }, icon: 'chart', label: 'nav.reports', adminOnly: true },
  { screen: { name: 'knowledge-base' }, icon: 'book', label: 'nav.knowledge_base' },
];

/** The top bar's screen switcher: the inbox, contacts and tasks. */
export function ScreenNav() {
  const current = useNavigationStore((s) => s.screen.name);
  const settingsOpen = useSettingsStore((s) => s.open);
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  return (
    <nav className="screen-nav" aria-label={t('nav.label')}>
      {ITEMS.filter((item) => isAdmin || !item.adminOnly).map((item) => {
        const active =
          !settingsOpen &&
          (current === item.screen.name ||
            (current === 'contact' && item.screen.name === 'contacts'));
        return (
          <button
            key={item.screen.name}
            type="button"
            className="icon-button"
            data-testid={`nav-${item.screen.name}`}
            aria-current={active ? 'page' : undefined}
            aria-label={t(item.label)}
            data-tooltip={t(item.label)}
            onClick={() => {
              useSettingsStore.getState().setOpen(false);
              useNavigationStore.getState().go(item.screen);
            }}
          >
            <Icon name={item.icon} />
          </button>
        );
      })}
    </nav>
  );
}
