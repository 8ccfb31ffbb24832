import { smsSegments } from './message-segments';
import { parseTwilioAddress } from './twilio-address';

describe('SMS segments and addresses', () => {
  it.each([
    ['', 1],
    ['a'.repeat(160), 1],
    ['a'.repeat(161), 2],
    ['€'.repeat(80), 1],
    ['€'.repeat(81), 2],
    ['ü'.repeat(160), 1],
    ['ł'.repeat(70), 1],
    ['ł'.repeat(71), 2],
    ['😀'.repeat(35), 1],
  ])('%#: counts segments', (body, segments) => {
    expect(smsSegments(body)).toBe(segments);
  });

  it('parses WhatsApp and SMS addresses, refusing what is not E.164', () => {
    expect(parseTwilioAddress('whatsapp:+14155238886')).toEqual({
      channel: 'whatsapp',
      e164: '+14155238886',
      raw: 'whatsapp:+14155238886',
    });
    expect(parseTwilioAddress('+4915112345678')?.channel).toBe('sms');
    for (const bad of [
      '14155238886',
      '+0123456789',
      '+1234',
      '+1415523888612345',
      'whatsapp:',
      'sms:+14155238886',
      '+1 415 523',
    ]) {
      expect(parseTwilioAddress(bad)).toBeNull();
    }
  });
});
