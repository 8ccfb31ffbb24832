import type { DraftMode } from '@switchboard/contracts';
import type { ComposerMode, Draft } from './composer-store';

/** Typing pauses this long before the draft goes to the server. */
export const DRAFT_SAVE_DELAY_MS = 500;

export const toDraftMode = (mode: ComposerMode): DraftMode => (mode === 'note' ? 'note' : 'reply');
export const toComposerMode = (mode: DraftMode): ComposerMode =>
  mode === 'note' ? 'note' : 'message';

/** Writes one draft to the server; an empty one is deleted there. */
export type PersistDraft = (conversationId: string, draft: Draft) => Promise<unknown> | void;

const keyOf = (draft: Draft) => `${draft.mode}\u0000${draft.text}`;

/**
 * Debounces the composer's drafts to the server: one write per pause in typing, none for a draft
 * the server already has, and whatever is pending written at once when the operator moves to
 * another conversation or closes the page.
 */
export class DraftSaver {
  private pending: { conversationId: string; draft: Draft } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly saved = new Map<string, string>();

  constructor(
    private readonly persist: PersistDraft,
    private readonly delayMs = DRAFT_SAVE_DELAY_MS,
  ) {}

  /** The server's copy (or none): no write is needed to get back to it. */
  known(conversationId: string, draft: Draft): void {
    this.saved.set(conversationId, keyOf(draft));
  }

  changed(conversationId: string, draft: Draft): void {
    if (this.pending && this.pending.conversationId !== conversationId) this.flush();
    if (this.saved.get(conversationId) === keyOf(draft)) {
      this.cancel();
      return;
    }
    this.pending = { conversationId, draft };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Writes what is pending now, through `persist` or (a closing page) another writer. */
  flush(persist: PersistDraft = this.persist): void {
    const pending = this.pending;
    this.cancel();
    if (!pending) return;
    this.saved.set(pending.conversationId, keyOf(pending.draft));
    void Promise.resolve(persist(pending.conversationId, pending.draft)).catch(() =>
      // Not saved: let the next change (or flush) try again.
      this.saved.delete(pending.conversationId),
    );
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
