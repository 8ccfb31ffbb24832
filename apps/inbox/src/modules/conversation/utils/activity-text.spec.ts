import { afterEach, describe, expect, it } from 'vitest';
import { setTimeZone } from '../../../i18n/format';
import { setLocale } from '../../../i18n/i18n';
import { activityText } from './activity-text';

afterEach(() => {
  setLocale('en');
  setTimeZone('UTC');
});

describe('activityText', () => {
  it('says who snoozed until when, on the operator clock', () => {
    setLocale('en-GB');
    setTimeZone('Europe/Berlin');
    const text = activityText(
      {
        type: 'status_changed',
        from: 'open',
        to: 'snoozed',
        by: { id: 'a', name: 'Anna' },
        snoozedUntil: '2026-03-09T08:00:00.000Z',
      },
      new Date('2026-03-06T12:00:00Z'), // Friday
    );
    expect(text).toBe('Anna snoozed until Mon 09:00');
  });

  it('says an operator unsnoozed a snoozed conversation, and reopened a closed one', () => {
    const by = { id: 'a', name: 'Anna' };
    expect(activityText({ type: 'status_changed', from: 'snoozed', to: 'open', by })).toBe(
      'Anna unsnoozed the conversation',
    );
    expect(activityText({ type: 'status_changed', from: 'closed', to: 'open', by })).toBe(
      'Anna reopened the conversation',
    );
  });

  it('describes system activities', () => {
    expect(activityText({ type: 'snooze_expired' })).toBe('Snooze ended, the conversation is back');
    expect(activityText({ type: 'assigned', by: null, assignee: null })).toBe(
      'Switchboard removed the assignee',
    );
  });

  it('says who was deactivated and that the conversation went back to the queue', () => {
    expect(
      activityText({
        type: 'released_on_deactivation',
        operator: { id: 'b', name: 'Bob' },
        by: { id: 'a', name: 'Anna' },
      }),
    ).toBe('Anna deactivated Bob; the conversation is unassigned');
  });

  it('says which team a conversation was given to, or that its team was removed', () => {
    const by = { id: 'a', name: 'Anna' };
    expect(activityText({ type: 'team_assigned', by, team: { id: 't', name: 'Billing' } })).toBe(
      'Anna assigned the conversation to the team Billing',
    );
    expect(activityText({ type: 'team_assigned', by, team: null })).toBe('Anna removed the team');
  });

  it('says when the channel can no longer reach the customer, and when it can again', () => {
    expect(
      activityText({ type: 'customer_unreachable', reason: 'The customer blocked the bot' }),
    ).toBe('The customer can no longer be reached: The customer blocked the bot');
    expect(
      activityText({ type: 'customer_reachable', reason: 'The customer unblocked the bot' }),
    ).toBe('The customer can be reached again');
  });
});
