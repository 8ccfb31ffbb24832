import type { MessageTemplateDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { templatesApi } from '../api/templates-api';
import { errorText } from '../../../shared/api/error-text';

export interface InboxTemplates {
  phase: 'loading' | 'ready' | 'error';
  items: MessageTemplateDto[];
  error: string | null;
}

interface TemplatesState {
  byInbox: Record<string, InboxTemplates>;
  /**
   * Fetches the inbox's templates. What was loaded before stays on screen meanwhile: approvals
   * change over hours, so each closed-window composer asks again, but never makes anyone wait.
   */
  load: (inboxId: string) => Promise<void>;
}

const inFlight = new Set<string>();

export const useTemplatesStore = create<TemplatesState>((set, get) => ({
  byInbox: {},
  load: async (inboxId) => {
    if (inFlight.has(inboxId)) return;
    inFlight.add(inboxId);
    const before = get().byInbox[inboxId];
    if (!before || before.phase === 'error')
      set((s) => ({
        byInbox: { ...s.byInbox, [inboxId]: { phase: 'loading', items: [], error: null } },
      }));
    try {
      const items = await templatesApi.list(inboxId);
      set((s) => ({
        byInbox: { ...s.byInbox, [inboxId]: { phase: 'ready', items, error: null } },
      }));
    } catch (e) {
      const error = errorText(e);
      // A failed refresh keeps the list it had; only an inbox with none says it failed.
      set((s) => {
        const current = s.byInbox[inboxId];
        if (current?.phase === 'ready') return {};
        return { byInbox: { ...s.byInbox, [inboxId]: { phase: 'error', items: [], error } } };
      });
    } finally {
      inFlight.delete(inboxId);
    }
  },
}));
