import { ChannelError, type OutboundMessage, type SendResult } from '@switchboard/channels-core';
import type twilio from 'twilio';
import { observeTwilioResponses } from '../twilio-http-client';
import { channelErrorFrom } from '../twilio-errors';
import { TWILIO_SID } from '../inbound/twilio-webhook.schema';
import { messageParams, recipientAddress } from './message-params';
import { SentMessageMemory } from './sent-message-memory';

export interface TwilioRoute {
  inboxId: string;
  from: string;
  statusCallback: string;
  authToken: string;
}

/**
 * One attempt to send one message through Messages.create. Never throws. Twilio has no
 * idempotency key for Messages, so the SID each message got is remembered: a repeat answers
 * with it, and an operator's deliberate resend forgets it first.
 */
export class TwilioSender {
  constructor(private readonly sent = new SentMessageMemory()) {}

  async send(
    client: twilio.Twilio,
    message: OutboundMessage,
    route: TwilioRoute,
  ): Promise<SendResult> {
    const key = `${route.inboxId}\u0000${message.idempotencyKey}`;
    if (message.deliberateResend) this.sent.forget(key);
    const known = this.sent.get(key);
    if (known) return { ok: true, externalId: known };

    const to = recipientAddress(message.recipient.externalId, route.from);
    if (to instanceof ChannelError) return { ok: false, error: to };
    let params;
    try {
      params = messageParams(message, {
        from: route.from,
        to,
        statusCallback: route.statusCallback,
      });
    } catch (error) {
      // Ours (a file without a URL), before anything went to Twilio.
      const text = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: new ChannelError('UNKNOWN', `Could not prepare the message: ${text}`),
      };
    }
    if (params instanceof ChannelError) return { ok: false, error: params };

    let retryAfter: unknown;
    try {
      const created = await observeTwilioResponses(
        (response) => {
          retryAfter = response.headers['retry-after'];
        },
        () => client.messages.create(params),
      );
      if (typeof created.sid !== 'string' || !TWILIO_SID.test(created.sid))
        return {
          ok: false,
          error: new ChannelError(
            'OUTCOME_UNKNOWN',
            'Twilio accepted the request but its answer carried no message SID; it may have been sent',
          ),
        };
      this.sent.remember(key, created.sid);
      return { ok: true, externalId: created.sid };
    } catch (error) {
      return {
        ok: false,
        error: channelErrorFrom(error, { delivers: true, authToken: route.authToken, retryAfter }),
      };
    }
  }
}
