import { describe, expect, it } from 'vitest';
import { message } from '../../../test-support/fixtures';
import { mergeDelivery, upsertMessage } from './message-order';

describe('message ordering and delivery status', () => {
  it('never moves delivery status backwards when a late response meets a stream update', () => {
    const read = message({ id: 'm', direction: 'outgoing', deliveryStatus: 'read' });
    const pending = { ...read, deliveryStatus: 'pending' as const };
    expect(mergeDelivery(read, pending).deliveryStatus).toBe('read');
    expect(mergeDelivery(pending, read).deliveryStatus).toBe('read');
  });

  it('lets a retry move a failed message back to pending', () => {
    const failed = message({
      id: 'm',
      direction: 'outgoing',
      deliveryStatus: 'failed',
      failureReason: 'timeout',
    });
    expect(
      mergeDelivery(failed, { ...failed, deliveryStatus: 'pending', failureReason: null })
        .deliveryStatus,
    ).toBe('pending');
    expect(mergeDelivery(failed, { ...failed, deliveryStatus: 'sent' }).deliveryStatus).toBe(
      'failed',
    );
  });

  it('shows "delivery uncertain" over pending, lets a receipt settle it and a resend reset it', () => {
    const pending = message({ id: 'm', direction: 'outgoing', deliveryStatus: 'pending' });
    const uncertain = {
      ...pending,
      deliveryStatus: 'uncertain' as const,
      failureReason: 'no answer',
    };
    expect(mergeDelivery(pending, uncertain).deliveryStatus).toBe('uncertain');
    for (const settled of ['sent', 'delivered', 'read', 'failed'] as const)
      expect(
        mergeDelivery(uncertain, { ...uncertain, deliveryStatus: settled }).deliveryStatus,
      ).toBe(settled);
    // "Send again" moves it back to pending; a stale "uncertain" never hides a later delivery.
    expect(mergeDelivery(uncertain, { ...pending, failureReason: null }).deliveryStatus).toBe(
      'pending',
    );
    const read = { ...pending, deliveryStatus: 'read' as const };
    expect(mergeDelivery(read, uncertain).deliveryStatus).toBe('read');
  });

  it('inserts an older message in timeline order', () => {
    const late = message({ id: 'b', createdAt: '2026-01-01T10:00:00.000Z' });
    const early = message({ id: 'a', createdAt: '2026-01-01T09:00:00.000Z' });
    expect(upsertMessage([late], early).map((m) => m.id)).toEqual(['a', 'b']);
    expect(upsertMessage([early, late], late)).toHaveLength(2);
  });
});
