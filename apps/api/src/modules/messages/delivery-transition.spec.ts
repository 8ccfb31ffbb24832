import { canMoveDelivery } from './delivery-transition';

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
});
