import type { DeliveryStatus } from '@switchboard/contracts';

/** What a channel's receipt can say about one of our messages. */
export const RECEIPT_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/**
 * Delivery status only moves forward: pending → sent → delivered → read. `failed` is reachable from
 * pending and sent (a rejection or a later bounce), never from delivered or read. Receipts arriving
 * out of order (read before delivered) therefore never move a tick backwards. An `uncertain`
 * message takes any receipt: it is the evidence the operator was missing.
 *
 * For each receipt, the statuses it may move a message from. The TypeScript check and the SQL
 * guard below are both built from this one table.
 */
const MOVES_FROM: Record<ReceiptStatus, readonly DeliveryStatus[]> = {
  sent: ['pending', 'uncertain'],
  delivered: ['pending', 'sent', 'uncertain'],
  read: ['pending', 'sent', 'delivered', 'uncertain'],
  failed: ['pending', 'sent', 'uncertain'],
};

export function isReceiptStatus(status: string): status is ReceiptStatus {
  return (RECEIPT_STATUSES as readonly string[]).includes(status);
}

export function canMoveDelivery(from: DeliveryStatus | null, to: DeliveryStatus): boolean {
  if (from === null || !isReceiptStatus(to)) return false;
  return MOVES_FROM[to].includes(from);
}

/** The same rule in SQL, for a guarded `UPDATE ... WHERE` on column `delivery_status` and parameter `$target`. */
export function deliveryTransitionSql(target: string): string {
  const branches = RECEIPT_STATUSES.map(
    (to) =>
      `WHEN '${to}' THEN delivery_status IN (${MOVES_FROM[to].map((f) => `'${f}'`).join(', ')})`,
  );
  return `(CASE ${target}::text ${branches.join(' ')} ELSE false END)`;
}

/** Receipts applied in the order they happen to a message, whatever order they arrived in. */
export function receiptOrder(a: ReceiptStatus, b: ReceiptStatus): number {
  return RECEIPT_STATUSES.indexOf(a) - RECEIPT_STATUSES.indexOf(b);
}
