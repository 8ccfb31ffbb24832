import { ChannelError, type OutboundMessage } from '@switchboard/channels-core';
import type { MessageListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/message';
import { E164_NUMBER, isWhatsAppSender, WHATSAPP_PREFIX } from '../twilio.schemas';

/** Twilio takes up to 10 MediaUrl per message. */
export const MAX_MEDIA_PER_MESSAGE = 10;

const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

/**
 * The recipient in the sender's namespace: a WhatsApp inbox writes to `whatsapp:+…` (a bare
 * number, say a contact added by hand, gets the prefix); an SMS inbox only to bare numbers.
 */
export function recipientAddress(externalId: string, sender: string): string | ChannelError {
  const whatsapp = isWhatsAppSender(sender);
  const hasPrefix = externalId.startsWith(WHATSAPP_PREFIX);
  const number = hasPrefix ? externalId.slice(WHATSAPP_PREFIX.length) : externalId;
  if (!E164_NUMBER.test(number))
    return new ChannelError(
      'INVALID_RECIPIENT',
      'The recipient is not a phone number in international format (+ and country code)',
    );
  if (hasPrefix && !whatsapp)
    return new ChannelError(
      'INVALID_RECIPIENT',
      'This is a WhatsApp contact; this inbox sends SMS. Answer from the WhatsApp inbox.',
    );
  return whatsapp ? `${WHATSAPP_PREFIX}${number}` : number;
}

/** The Messages.create parameters of one outbound message, or why it cannot be sent. */
export function messageParams(
  message: OutboundMessage,
  route: { from: string; to: string; statusCallback: string },
): MessageListInstanceCreateOptions | ChannelError {
  const base = { from: route.from, to: route.to, statusCallback: route.statusCallback };
  if (message.template) {
    if (!CONTENT_SID.test(message.template.id))
      return new ChannelError(
        'CONTENT_REJECTED',
        'The template id is not a Twilio Content SID (HX…)',
      );
    // A template carries its own media; the text is the operator's preview of it.
    return {
      ...base,
      contentSid: message.template.id,
      contentVariables: JSON.stringify(message.template.variables),
    };
  }
  if (message.attachments.length > MAX_MEDIA_PER_MESSAGE)
    return new ChannelError(
      'CONTENT_REJECTED',
      `Twilio sends at most ${MAX_MEDIA_PER_MESSAGE} files per message`,
    );
  const body = message.text.trim() ? message.text : undefined;
  if (!body && message.attachments.length === 0)
    return new ChannelError('CONTENT_REJECTED', 'The message has neither text nor files');
  return {
    ...base,
    ...(body ? { body } : {}),
    // Short-lived signed URLs of our files: Twilio fetches them right away. (SMS: MMS in US/CA only.)
    ...(message.attachments.length
      ? { mediaUrl: message.attachments.map((a) => a.signedUrl()) }
      : {}),
  };
}
