import { describe, expect, it } from 'vitest';
import { notificationTitle } from './notification-title';

const conversation = { contact: { id: 'c', name: 'Carla Diaz', handle: null } };

describe('notificationTitle', () => {
  it('names the rule and its message on a rule notification', () => {
    expect(
      notificationTitle('rule', conversation, { rule: 'VIP', text: 'Call them back today' }),
    ).toBe("Rule 'VIP': Call them back today (Carla Diaz)");
    expect(notificationTitle('rule', conversation, { rule: 'VIP' })).toBe(
      "Rule 'VIP' asks for your attention: Carla Diaz",
    );
    expect(notificationTitle('rule', conversation)).toBe(
      'A rule asks for your attention: Carla Diaz',
    );
  });

  it('keeps the other titles as they were', () => {
    expect(notificationTitle('assigned', conversation)).toContain('Carla Diaz');
  });
});
