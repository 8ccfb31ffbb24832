import { ChannelInputError, inboundEventSchema } from '@switchboard/channels-core';
import { twilioStatusFixtures as statuses } from '../../fixtures/twilio-webhooks';
import { describeTwilioError, explainTwilioError } from '../twilio-error-codes';
import { parseStatusCallback } from './parse-status-callback';

const NOW = new Date('2026-11-30T10:00:00Z');
const parse = (params: Record<string, string>) => {
  const events = parseStatusCallback(params, () => NOW);
  for (const event of events) expect(inboundEventSchema.safeParse(event).success).toBe(true);
  return events;
};
const withStatus = (MessageStatus: string, extra: Record<string, string> = {}) => ({
  ...statuses.sentSms,
  MessageStatus,
  SmsStatus: MessageStatus,
  ...extra,
});

describe('parseStatusCallback', () => {
  const sid = statuses.sentSms.MessageSid;

  it('passes sent, delivered and read through', () => {
    for (const status of ['sent', 'delivered', 'read'] as const)
      expect(parse(withStatus(status))).toEqual([
        { type: 'status', externalId: sid, status, at: NOW },
      ]);
  });

  it('ignores interim statuses without calling them errors', () => {
    for (const status of ['queued', 'accepted', 'sending', 'scheduled'])
      expect(parse(withStatus(status))).toEqual([
        { type: 'ignored', externalId: sid, reason: `Interim Twilio status "${status}"` },
      ]);
  });

  it('ignores a status it does not know, naming it', () => {
    expect(parse(withStatus('partially_delivered'))[0]).toMatchObject({
      type: 'ignored',
      reason: 'Unknown Twilio status "partially_delivered"',
    });
  });

  it('explains failed and undelivered messages with the error code', () => {
    expect(parse(statuses.failedOutsideWindow)).toEqual([
      {
        type: 'status',
        externalId: statuses.failedOutsideWindow.MessageSid,
        status: 'failed',
        reason:
          '63016: outside the 24-hour WhatsApp window: the customer has not written in the last 24 hours; send an approved template',
        at: NOW,
      },
    ]);
    expect(parse(withStatus('undelivered', { ErrorCode: '30003' }))[0]).toMatchObject({
      status: 'failed',
      reason: '30003: unreachable handset: the phone is off or out of coverage',
    });
    expect(parse(withStatus('failed', { ErrorCode: '21610' }))[0]).toMatchObject({
      reason: expect.stringContaining('21610: the customer unsubscribed (STOP)'),
    });
  });

  it("uses Twilio's words for a code it does not know, and says so when there are none", () => {
    expect(
      parse(withStatus('failed', { ErrorCode: '12345', ErrorMessage: 'Something odd' }))[0],
    ).toMatchObject({ reason: '12345: Something odd' });
    expect(parse(withStatus('undelivered'))[0]).toMatchObject({
      reason: 'Twilio reported the message undelivered',
    });
    expect(parse(withStatus('failed', { ErrorCode: '' }))[0]).toMatchObject({
      status: 'failed',
    });
  });

  it('refuses a callback without MessageSid or MessageStatus', () => {
    const { MessageSid: _s, ...noSid } = statuses.sentSms;
    const { MessageStatus: _m, ...noStatus } = statuses.sentSms;
    expect(() => parseStatusCallback(noSid)).toThrow(ChannelInputError);
    expect(() => parseStatusCallback(noStatus)).toThrow(ChannelInputError);
  });
});

describe('Twilio error explanations', () => {
  it('knows the common codes', () => {
    for (const code of [
      63016, 63003, 63024, 21211, 21610, 21614, 30003, 30004, 30005, 30006, 30007, 30008, 63018,
    ])
      expect(explainTwilioError(code)).toEqual(expect.any(String));
    expect(explainTwilioError(1)).toBeNull();
    expect(describeTwilioError(21211)).toBe('21211: invalid phone number');
    expect(describeTwilioError(null, 'Oops')).toBe('Oops');
  });
});
