import { useEffect } from 'react';
import { draftsApi } from '../api/drafts-api';
import { EMPTY_DRAFT, useComposerStore, type Draft } from '../store/composer-store';
import { DraftSaver, toComposerMode, toDraftMode } from '../store/draft-saver';

const toRequest = (draft: Draft) => ({ text: draft.text, mode: toDraftMode(draft.mode) });

const saver = new DraftSaver((conversationId, draft) =>
  draft.text.trim() === ''
    ? draftsApi.discard(conversationId)
    : draftsApi.save(conversationId, toRequest(draft)),
);

const saveOnUnload = () =>
  saver.flush((conversationId, draft) => draftsApi.saveOnUnload(conversationId, toRequest(draft)));

/**
 * Keeps the composer's draft of a conversation on the server: loaded when the conversation opens
 * (unless something was already typed here), saved after each pause in typing and when the page
 * closes. Sending clears it on the server too.
 */
export function useServerDraft(conversationId: string): void {
  useEffect(() => {
    let cancelled = false;
    let loaded = false;
    const unsubscribe = useComposerStore.subscribe((state, previous) => {
      const draft = state.drafts[conversationId];
      if (loaded && draft && draft !== previous.drafts[conversationId])
        saver.changed(conversationId, draft);
    });
    draftsApi
      .get(conversationId)
      .then(({ draft }) => {
        if (cancelled) return;
        const local = useComposerStore.getState().drafts[conversationId] ?? EMPTY_DRAFT;
        if (draft && local.text === '') {
          const fromServer = { text: draft.text, mode: toComposerMode(draft.mode) };
          saver.known(conversationId, fromServer);
          useComposerStore.getState().setDraft(conversationId, fromServer);
        } else if (!draft) {
          saver.known(conversationId, { ...local, text: '' });
        }
      })
      .catch(() => undefined)
      .finally(() => {
        loaded = true;
        const local = useComposerStore.getState().drafts[conversationId];
        if (!cancelled && local) saver.changed(conversationId, local);
      });
    return () => {
      cancelled = true;
      unsubscribe();
      saver.flush();
    };
  }, [conversationId]);

  useEffect(() => {
    window.addEventListener('pagehide', saveOnUnload);
    return () => window.removeEventListener('pagehide', saveOnUnload);
  }, []);
}
