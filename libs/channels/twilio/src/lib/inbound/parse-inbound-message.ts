import { ChannelInputError, type InboundEvent } from '@switchboard/channels-core';
import { e164Of } from '../twilio.schemas';
import { locationText } from './location-text';
import { mediaAttachments } from './media-attachments';
import { twilioMessageParamsSchema, type TwilioMessageParams } from './twilio-webhook.schema';

/** Shown for a message Twilio passes on without text or files (a WhatsApp type it does not carry). */
export const UNSUPPORTED_CONTENT_TEXT =
  '[The customer sent content Twilio does not pass on (an unsupported message type)]';

/**
 * An inbound message webhook (a customer wrote to our WhatsApp sender or SMS number).
 * Deterministic: the MessageSid is the dedupe key. Twilio sends no timestamp: it is stamped now.
 */
export function parseInboundMessage(
  params: Record<string, string>,
  sender: string,
  now: () => Date = () => new Date(),
): InboundEvent[] {
  const parsed = twilioMessageParamsSchema.safeParse(params);
  if (!parsed.success)
    throw new ChannelInputError(
      `Not a Twilio message webhook: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'body'} ${i.message}`)
        .join('; ')}`,
      { cause: parsed.error },
    );
  const p = parsed.data;
  if (p.To !== sender)
    throw new ChannelInputError(
      `The message is addressed to another number (${p.To}), not this inbox's sender`,
    );
  const sentAt = now();
  const attachments = mediaAttachments(params, p.NumMedia ?? 0);
  const message: InboundEvent = {
    type: 'message',
    externalId: p.MessageSid,
    sender: {
      externalId: p.From,
      name: p.ProfileName?.trim() || null,
      phone: e164Of(p.From) ?? (p.WaId ? `+${p.WaId}` : null),
    },
    text: messageText(p) ?? (attachments.length ? null : UNSUPPORTED_CONTENT_TEXT),
    attachments,
    sentAt,
    replyToExternalId: p.OriginalRepliedMessageSid ?? null,
  };
  const events: InboundEvent[] = [message];
  const reachability = optOut(p, sentAt);
  if (reachability) events.push(reachability);
  return events;
}

/** Body; a tapped quick-reply button with its payload; a shared location. */
function messageText(p: TwilioMessageParams): string | null {
  const parts: string[] = [];
  if (p.ButtonText?.trim()) {
    const payload = p.ButtonPayload?.trim();
    parts.push(
      payload && payload !== p.ButtonText.trim()
        ? `${p.ButtonText.trim()} [button payload: ${payload}]`
        : p.ButtonText.trim(),
    );
  } else if (p.Body?.trim()) parts.push(p.Body);
  if (p.Latitude !== undefined && p.Longitude !== undefined)
    parts.push(
      locationText({
        latitude: p.Latitude,
        longitude: p.Longitude,
        label: p.Label,
        address: p.Address,
      }),
    );
  return parts.length ? parts.join('\n') : null;
}

/** SMS STOP / START, which Twilio enforces itself: shown on the customer's identity. */
function optOut(p: TwilioMessageParams, at: Date): InboundEvent | null {
  const type = p.OptOutType?.trim().toUpperCase();
  if (type === 'STOP')
    return {
      type: 'reachability',
      externalId: p.From,
      reachable: false,
      reason:
        'The customer unsubscribed (STOP): Twilio blocks messages to them until they reply START',
      at,
    };
  if (type === 'START')
    return {
      type: 'reachability',
      externalId: p.From,
      reachable: true,
      reason: 'The customer subscribed again (START)',
      at,
    };
  return null;
}
