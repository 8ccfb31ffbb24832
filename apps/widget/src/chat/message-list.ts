import type { VisitorMessageDto, VisitorMessageStatus } from '../shared/widget-wire';

/** A message as the widget shows it: stored ones plus the visitor's own still on their way. */
export interface ChatMessage extends VisitorMessageDto {
  local?: 'sending' | 'failed';
  /** Kept so a failed message can be retried with the same id (stored once). */
  retry?: () => void;
  /** A file on its way up: how much has left (0..1), and the image itself to show meanwhile. */
  progress?: number;
  localImageUrl?: string;
}

const STATUS_ORDER: Record<VisitorMessageStatus, number> = { sent: 0, delivered: 1, read: 2 };

/**
 * Merges messages from history, the live socket and our own sends without duplicates: the
 * stored id wins, and the visitor's optimistic copy is matched by its clientMessageId.
 */
export function mergeMessage(list: ChatMessage[], incoming: ChatMessage): ChatMessage[] {
  const index = list.findIndex(
    (m) =>
      m.id === incoming.id ||
      (incoming.clientMessageId !== null && m.clientMessageId === incoming.clientMessageId),
  );
  if (index === -1) return [...list, incoming].sort(byTime);
  const next = list.slice();
  const current = list[index];
  next[index] = { ...incoming, status: laterStatus(current.status, incoming.status) };
  return next;
}

function laterStatus(
  a: VisitorMessageStatus | null,
  b: VisitorMessageStatus | null,
): VisitorMessageStatus | null {
  if (a === null) return b;
  if (b === null) return a;
  return STATUS_ORDER[b] >= STATUS_ORDER[a] ? b : a;
}

function byTime(a: ChatMessage, b: ChatMessage): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** Operators read the conversation: every stored visitor message up to `until` is read. */
export function markReadUntil(list: ChatMessage[], until: string): ChatMessage[] {
  return list.map((m) =>
    m.author === 'visitor' && !m.local && m.createdAt <= until
      ? { ...m, status: 'read' as const }
      : m,
  );
}
