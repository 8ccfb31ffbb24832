import type { DeliveryStatus } from '@switchboard/contracts';

/**
 * Delivery status only moves forward: pending → sent → delivered → read. `failed` is reachable from
 * pending and sent (a rejection or a later bounce), never from delivered or read. Receipts arriving
 * out of order (read before delivered) therefore never move a tick backwards.
 */
const RANK: Record<Exclude<DeliveryStatus, 'failed'>, number> = {
  pending: 0,
  sent: 1,
  delivered: 2,
  read: 3,
};

export function canMoveDelivery(from: DeliveryStatus | null, to: DeliveryStatus): boolean {
  if (from === null || from === 'failed') return false;
  if (to === 'failed') return from === 'pending' || from === 'sent';
  return RANK[to] > RANK[from];
}

/** The same rule in SQL, for a guarded `UPDATE ... WHERE` on column `delivery_status` and parameter `$target`. */
export function deliveryTransitionSql(target: string): string {
  return `(CASE ${target}::text
      WHEN 'failed' THEN delivery_status IN ('pending', 'sent')
      WHEN 'sent' THEN delivery_status = 'pending'
      WHEN 'delivered' THEN delivery_status IN ('pending', 'sent')
      WHEN 'read' THEN delivery_status IN ('pending', 'sent', 'delivered')
      ELSE false END)`;
}
