import { useEffect } from 'react';
import { useConversationStore } from '../modules/conversation/store/conversation-store';

const PREFIX = '#/conversations/';

function idFromHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  // Ids are plain (letters, digits, dashes), so nothing needs decoding, and a malformed escape
  // such as `%E0%A4%A` cannot throw.
  const id = hash.slice(PREFIX.length);
  return /^[\w-]{1,64}$/.test(id) ? id : null;
}

/**
 * Mirrors the open conversation in the URL hash: links and reloads land on it, and the phone's
 * back gesture returns from the conversation to the list. A hash needs no server-side routes.
 */
export function useHashSelection(): void {
  useEffect(() => {
    const fromUrl = idFromHash();
    if (fromUrl) useConversationStore.getState().select(fromUrl);

    const onHashChange = () => {
      const id = idFromHash();
      if (id !== useConversationStore.getState().selectedId)
        useConversationStore.getState().select(id);
    };
    window.addEventListener('hashchange', onHashChange);
    const unsubscribe = useConversationStore.subscribe((state, previous) => {
      if (state.selectedId === previous.selectedId || state.selectedId === idFromHash()) return;
      const url = state.selectedId
        ? PREFIX + encodeURIComponent(state.selectedId)
        : window.location.pathname + window.location.search;
      // Opening from the list pushes (so "back" returns to it); moving between conversations replaces.
      if (previous.selectedId === null) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    });
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      unsubscribe();
    };
  }, []);
}
