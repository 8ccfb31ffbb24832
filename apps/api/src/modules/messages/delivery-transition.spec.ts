import { canMoveDelivery, deliveryTransitionSql } from './delivery-transition';

describe('canMoveDelivery', () => {
  it('moves forward only', () => {
    expect(canMoveDelivery('pending', 'sent')).toBe(true);
    expect(canMoveDelivery('sent', 'read')).toBe(true);
    expect(canMoveDelivery('read', 'delivered')).toBe(false);
    expect(canMoveDelivery('delivered', 'sent')).toBe(false);
  });

  it('fails only before delivery', () => {
    expect(canMoveDelivery('sent', 'failed')).toBe(true);
    expect(canMoveDelivery('delivered', 'failed')).toBe(false);
    expect(canMoveDelivery('failed', 'sent')).toBe(false);
  });

  it('lets any receipt settle an uncertain delivery, and nothing make one', () => {
    for (const to of ['sent', 'delivered', 'read', 'failed'] as const)
      expect(canMoveDelivery('uncertain', to)).toBe(true);
    expect(canMoveDelivery('sent', 'uncertain')).toBe(false);
    expect(canMoveDelivery('pending', 'uncertain')).toBe(false);
  });

  it('says the same in SQL', () => {
    const sql = deliveryTransitionSql(':status');
    expect(sql).toContain(`WHEN 'sent' THEN delivery_status IN ('pending', 'uncertain')`);
    expect(sql).toContain(
      `WHEN 'read' THEN delivery_status IN ('pending', 'sent', 'delivered', 'uncertain')`,
    );
    expect(sql).toMatch(/ELSE false END\)$/);
  });
});
