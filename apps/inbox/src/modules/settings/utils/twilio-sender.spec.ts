import type { InboxDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { twilioSenderOf } from './twilio-sender';

const inbox = (settings: Record<string, unknown>, replyWindowHours: number | null): InboxDto => ({
  id: 'i-1',
  kind: 'whatsapp',
  name: 'WhatsApp',
  settings,
  secretsSet: ['authToken'],
  reopenPolicy: 'reopen',
  connectionError: null,
  pausedAt: null,
  pausable: false,
  replyWindowHours,
  webhookUrl: 'https://sb.example/api/webhooks/i-1',
  statusCallbackUrl: 'https://sb.example/api/webhooks/i-1?event=status',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('twilioSenderOf', () => {
  it('reads a WhatsApp sender with its 24-hour window and both URLs', () => {
    expect(
      twilioSenderOf(
        inbox(
          {
            accountSid: 'AC0123456789abcdef0123456789abcdef',
            sender: 'whatsapp:+14155238886',
            accountName: ' Acme Support ',
          },
          24,
        ),
      ),
    ).toEqual({
      accountName: 'Acme Support',
      sender: 'whatsapp:+14155238886',
      channel: 'whatsapp',
      replyWindowHours: 24,
      webhookUrl: 'https://sb.example/api/webhooks/i-1',
      statusCallbackUrl: 'https://sb.example/api/webhooks/i-1?event=status',
    });
  });

  it('tells a plain number for SMS, without a window', () => {
    const facts = twilioSenderOf(inbox({ sender: '+14155550100' }, null));
    expect(facts.channel).toBe('sms');
    expect(facts.replyWindowHours).toBeNull();
    expect(facts.accountName).toBeNull();
  });

  it('has no sender to show before one is saved', () => {
    expect(twilioSenderOf(inbox({ sender: 42 }, null))).toMatchObject({
      sender: null,
      channel: null,
    });
  });
});
