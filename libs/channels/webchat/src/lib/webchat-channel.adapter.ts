import {
  ChannelError,
  ChannelInputError,
  type ChannelAdapter,
  type ChannelManifest,
  type InboundEvent,
  type InboxContext,
  type OutboundMessage,
  type SendResult,
} from '@switchboard/channels-core';
import { MAX_TEXT_LENGTH } from '@switchboard/contracts';
import { buildFollowUpEmail } from './follow-up-email';
import { WEBCHAT_MAX_ATTACHMENT_BYTES } from './webchat-attachments';
import {
  inboundExternalId,
  outboundExternalId,
  webchatEnvelopeSchema,
  type WebchatEnvelope,
} from './webchat-inbound';
import { checkVisitorProof } from './visitor-session';
import { visitorExternalId } from './visitor-token';
import type { VisitorDelivery, VisitorTransport } from './visitor-transport';
import {
  webchatSecretsSchema,
  webchatSettingsSchema,
  type WebchatSecrets,
  type WebchatSettings,
} from './webchat-settings';

export type WebchatContext = InboxContext<WebchatSettings, WebchatSecrets>;

/**
 * The web chat behind the same contract as every other channel. Its "webhook" is a visitor action
 * the API received (message or receipt) together with the visitor token and the page's Origin.
 */
export class WebchatChannelAdapter implements ChannelAdapter<
  WebchatSettings,
  WebchatSecrets,
  WebchatEnvelope
> {
  readonly manifest: ChannelManifest<WebchatSettings, WebchatSecrets> = {
    kind: 'webchat',
    displayName: 'Web chat',
    settingsSchema: webchatSettingsSchema,
    secretsSchema: webchatSecretsSchema,
    capabilities: {
      attachments: true,
      deliveryReceipts: true,
      readReceipts: true,
      html: false,
      replyWindowHours: null,
      maxTextLength: MAX_TEXT_LENGTH,
      maxAttachmentBytes: WEBCHAT_MAX_ATTACHMENT_BYTES,
    },
  };

  constructor(private readonly transport: VisitorTransport) {}

  verifyWebhook(input: WebchatEnvelope, ctx: WebchatContext): boolean {
    const parsed = webchatEnvelopeSchema.safeParse(input);
    if (!parsed.success) return false;
    return checkVisitorProof(
      { visitorToken: parsed.data.visitorToken, origin: parsed.data.origin },
      ctx,
    ).ok;
  }

  parseInbound(input: WebchatEnvelope, ctx: WebchatContext): InboundEvent[] {
    const parsed = webchatEnvelopeSchema.safeParse(input);
    if (!parsed.success) {
      throw new ChannelInputError(parsed.error.issues[0]?.message ?? 'Invalid web chat envelope');
    }
    const envelope = parsed.data;
    const proof = checkVisitorProof(
      { visitorToken: envelope.visitorToken, origin: envelope.origin },
      ctx,
    );
    if (!proof.ok) throw new ChannelInputError(`Visitor not verified: ${proof.reason}`);
    const sender = visitorExternalId(proof.claims);

    if (envelope.type === 'receipt') {
      // A visitor can only acknowledge our web chat messages; anything else is not theirs to mark.
      return envelope.externalIds
        .filter((id) => id.startsWith('wc-out:'))
        .map((externalId) => ({
          type: 'status' as const,
          externalId,
          status: envelope.status,
          at: envelope.at,
        }));
    }
    if (envelope.text.trim().length === 0 && envelope.attachments.length === 0) {
      throw new ChannelInputError('Message is empty');
    }
    return [
      {
        type: 'message',
        externalId: inboundExternalId(sender, envelope.clientMessageId),
        sender: { externalId: sender, name: envelope.visitorName ?? null },
        text: envelope.text.trim().length > 0 ? envelope.text : null,
        attachments: envelope.attachments,
        sentAt: envelope.receivedAt,
        ...(envelope.page ? { sourcePage: envelope.page } : {}),
      },
    ];
  }

  async send(message: OutboundMessage, ctx: WebchatContext): Promise<SendResult> {
    if (message.text.length > MAX_TEXT_LENGTH) {
      return fail('CONTENT_REJECTED', `Text is longer than ${MAX_TEXT_LENGTH} characters`);
    }
    const externalId = outboundExternalId(message.idempotencyKey);
    const delivery: VisitorDelivery = {
      inboxId: ctx.inboxId,
      visitorExternalId: message.recipient.externalId,
      conversationId: message.conversation.id,
      conversationNumber: message.conversation.number,
      messageKey: message.idempotencyKey,
      externalId,
      text: message.text,
      senderName: message.sender.name,
      attachments: message.attachments.map(({ filename, contentType, size }) => ({
        filename,
        contentType,
        size,
      })),
      deliberateResend: message.deliberateResend === true,
    };
    try {
      if (await this.transport.deliverLive(delivery)) return { ok: true, externalId };
      const target = await this.transport.followUpTarget(delivery);
      if (target) {
        const email = buildFollowUpEmail({ delivery, target, publicUrl: ctx.publicUrl });
        await this.transport.sendFollowUp(email, delivery);
      }
      // With no open widget and no address the reply waits in the history for the next visit.
      return { ok: true, externalId };
    } catch (error) {
      if (error instanceof ChannelError) return { ok: false, error };
      return fail('UNAVAILABLE', error instanceof Error ? error.message : String(error));
    }
  }
}

function fail(code: ChannelError['code'], reason: string): SendResult {
  return { ok: false, error: new ChannelError(code, reason) };
}
