import { useEffect } from 'react';
import { useConversationStore } from '../conversation/store/conversation-store';
import { hashOfScreen, screenFromHash, useNavigationStore } from './navigation-store';

/**
 * Mirrors the screen in the URL hash, beside the conversation hash (`useHashSelection`): links and
 * reloads land on a contact or on tasks, and "back" returns to the screen before. Opening a
 * conversation from any screen brings the inbox back.
 */
export function useHashScreen(): void {
  useEffect(() => {
    const nav = useNavigationStore.getState();
    const fromUrl = screenFromHash(window.location.hash);
    if (fromUrl) nav.go(fromUrl);

    const onHashChange = () => {
      const screen = screenFromHash(window.location.hash);
      useNavigationStore.getState().go(screen ?? { name: 'inbox' });
    };
    window.addEventListener('hashchange', onHashChange);
    const unsubscribeNav = useNavigationStore.subscribe((state, previous) => {
      if (state.screen === previous.screen) return;
      const hash = hashOfScreen(state.screen);
      if (hash === window.location.hash) return;
      // Already there, with more in the URL (a report's choices): keep them.
      if (
        state.screen.name === 'reports' &&
        screenFromHash(window.location.hash)?.name === 'reports'
      )
        return;
      if (hash !== null) {
        window.history.pushState(null, '', hash);
        return;
      }
      // Back to the inbox: the URL shows the open conversation, or no hash at all.
      if (screenFromHash(window.location.hash) === null) return;
      const selected = useConversationStore.getState().selectedId;
      window.history.pushState(
        null,
        '',
        selected
          ? `#/conversations/${encodeURIComponent(selected)}`
          : window.location.pathname + window.location.search,
      );
    });
    const unsubscribeConversation = useConversationStore.subscribe((state, previous) => {
      if (state.selectedId && state.selectedId !== previous.selectedId)
        useNavigationStore.getState().go({ name: 'inbox' });
    });
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      unsubscribeNav();
      unsubscribeConversation();
    };
  }, []);
}
