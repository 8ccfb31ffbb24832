import type { InboxDto } from '@switchboard/contracts';

/** What a connected Twilio inbox shows about its sender, read from the settings `connect` filled. */
export interface TwilioSenderFacts {
  /** The account's friendly name, as Twilio answered on save. */
  accountName: string | null;
  /** `whatsapp:+14155238886` or `+14155550100`, as the admin typed it. */
  sender: string | null;
  /** A `whatsapp:` sender is WhatsApp (with its reply window); a bare number is SMS. */
  channel: 'whatsapp' | 'sms' | null;
  /** Free-form replies are allowed this long after the customer's last message; null: always. */
  replyWindowHours: number | null;
  webhookUrl: string;
  statusCallbackUrl: string | null;
}

const WHATSAPP_PREFIX = 'whatsapp:';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;

export function twilioSenderOf(inbox: InboxDto): TwilioSenderFacts {
  const sender = text(inbox.settings['sender']);
  return {
    accountName: text(inbox.settings['accountName']),
    sender,
    channel: sender === null ? null : sender.startsWith(WHATSAPP_PREFIX) ? 'whatsapp' : 'sms',
    replyWindowHours: inbox.replyWindowHours,
    webhookUrl: inbox.webhookUrl,
    statusCallbackUrl: inbox.statusCallbackUrl,
  };
}
