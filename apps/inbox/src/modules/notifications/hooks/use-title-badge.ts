import { useEffect } from 'react';
import { t, tp } from '../../../i18n/i18n';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useNotificationsStore } from '../store/notifications-store';

/** "(3) Switchboard" in the tab title while notifications wait; clears as they are looked at. */
export function useTitleBadge(): void {
  const count = useNotificationsStore((s) => Object.keys(s.unread).length);
  useEffect(() => {
    document.title = count > 0 ? tp('app.title_unread', count) : t('app.name');
  }, [count]);

  // Coming back to the tab counts as seeing the conversation that is open.
  useEffect(() => {
    const onFocus = () => {
      const { selectedId } = useConversationStore.getState();
      if (selectedId) useNotificationsStore.getState().markSeen(selectedId);
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
}
