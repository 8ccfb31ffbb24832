/** What the loader hands the lazily loaded chat UI, and what it gets back. */
export interface ChatMountOptions {
  /** Element inside the loader's shadow root that the chat renders into. */
  root: HTMLElement;
  /** Styles go here so they stay inside the shadow root. */
  styleRoot: ShadowRoot;
  apiBase: string;
  inboxId: string;
  identity: { userId: string; hmac: string } | null;
  locale: string;
  onUnread(count: number): void;
  onAccent(color: string): void;
  requestClose(): void;
}

export interface ChatController {
  setOpen(open: boolean): void;
}

export type MountChat = (options: ChatMountOptions) => ChatController;

export function tokenStorageKey(inboxId: string): string {
  return `switchboard:webchat:${inboxId}`;
}
