import type { DeliveryStatus, MessageDto } from '@switchboard/contracts';

/** Oldest first, id as tie-breaker, so the timeline reads top to bottom. */
export function compareMessages(a: MessageDto, b: MessageDto): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

// failed sits between sent and delivered: reachable from pending and sent, never after delivery.
// uncertain comes right after pending: any receipt (sent, delivered, read, failed) settles it.
const RANK: Record<DeliveryStatus, number> = {
  pending: 0,
  uncertain: 0.5,
  sent: 1,
  failed: 1.5,
  delivered: 2,
  read: 3,
};

/**
 * Picks the delivery status to show when two copies of a message meet (a late REST response and a
 * stream update): status only moves forward, except a retry or a deliberate resend, which move
 * failed or uncertain back to pending.
 */
export function mergeDelivery(current: MessageDto, incoming: MessageDto): MessageDto {
  const a = current.deliveryStatus;
  const b = incoming.deliveryStatus;
  if (a === null || b === null) return incoming;
  if ((a === 'failed' || a === 'uncertain') && b === 'pending') return incoming;
  return RANK[b] >= RANK[a]
    ? incoming
    : { ...incoming, deliveryStatus: a, failureReason: current.failureReason };
}

/** Inserts or replaces one message in an oldest-first list. */
export function upsertMessage(list: readonly MessageDto[], message: MessageDto): MessageDto[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index >= 0) {
    const next = list.slice();
    next[index] = mergeDelivery(list[index] as MessageDto, message);
    return next;
  }
  const next = list.concat(message);
  // New messages nearly always belong at the end; sort only when they do not.
  const last = list[list.length - 1];
  if (last && compareMessages(last, message) > 0) next.sort(compareMessages);
  return next;
}
