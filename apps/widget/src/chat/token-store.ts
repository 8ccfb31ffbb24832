import { tokenStorageKey } from '../shared/chat-mount';

/**
 * Keeps the signed visitor token in local storage (no cookie). When storage is refused (private
 * modes, strict settings) the chat still works for the life of the page.
 */
export class TokenStore {
  private memory: string | null = null;
  constructor(private readonly inboxId: string) {}

  get(): string | null {
    try {
      return localStorage.getItem(tokenStorageKey(this.inboxId)) ?? this.memory;
    } catch {
      return this.memory;
    }
  }

  set(token: string | null): void {
    this.memory = token;
    try {
      if (token) localStorage.setItem(tokenStorageKey(this.inboxId), token);
      else localStorage.removeItem(tokenStorageKey(this.inboxId));
    } catch {
      // Storage refused: the in-memory copy is all we have.
    }
  }
}
