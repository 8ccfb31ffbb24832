import {
  ChannelError,
  ChannelInputError,
  header,
  type ChannelAdapter,
  type ChannelManifest,
  type InboundEvent,
  type InboxContext,
  type OutboundMessage,
  type SendResult,
  type WebhookRequest,
} from '@switchboard/channels-core';
import { MAX_TEXT_LENGTH } from '@switchboard/contracts';
import {
  apiChannelSecretsSchema,
  apiChannelSettingsSchema,
  apiInboundBodySchema,
  type ApiChannelSecrets,
  type ApiChannelSettings,
} from './api-channel.schemas';
import {
  SIGNATURE_HEADER,
  signApiPayload,
  TIMESTAMP_HEADER,
  verifyApiSignature,
} from './api-channel.signature';

type Ctx = InboxContext<ApiChannelSettings, ApiChannelSecrets>;

/**
 * The generic API channel: any system (a mobile app, a form backend, a bot) posts signed JSON to
 * Switchboard and receives operator replies as signed JSON POSTs. Also the reference adapter.
 */
export class ApiChannelAdapter implements ChannelAdapter<ApiChannelSettings, ApiChannelSecrets> {
  readonly manifest: ChannelManifest<ApiChannelSettings, ApiChannelSecrets> = {
    kind: 'api',
    displayName: 'API',
    settingsSchema: apiChannelSettingsSchema,
    secretsSchema: apiChannelSecretsSchema,
    capabilities: {
      attachments: false,
      deliveryReceipts: true,
      readReceipts: true,
      html: false,
      replyWindowHours: null,
      maxTextLength: MAX_TEXT_LENGTH,
      maxAttachmentBytes: 0,
    },
  };

  constructor(private readonly timeoutMs = 10_000) {}

  verifyWebhook(req: WebhookRequest, ctx: Ctx): boolean {
    return verifyApiSignature(
      ctx.secrets.signingSecret,
      header(req, TIMESTAMP_HEADER),
      header(req, SIGNATURE_HEADER),
      req.rawBody,
    );
  }

  parseInbound(req: WebhookRequest): InboundEvent[] {
    let json: unknown;
    try {
      json = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new ChannelInputError('Body is not valid JSON');
    }
    const parsed = apiInboundBodySchema.safeParse(json);
    if (!parsed.success) {
      throw new ChannelInputError(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const body = parsed.data;
    const messages: InboundEvent[] = body.messages.map((m) => ({
      type: 'message',
      externalId: m.id,
      sender: {
        externalId: m.from.id,
        name: m.from.name ?? null,
        email: m.from.email ?? null,
        phone: m.from.phone ?? null,
      },
      text: m.text,
      subject: m.subject ?? null,
      attachments: [],
      sentAt: m.sentAt ? new Date(m.sentAt) : new Date(0),
      automated: false,
    }));
    const statuses: InboundEvent[] = body.statuses.map((s) => ({
      type: 'status',
      externalId: s.messageId,
      status: s.status,
      reason: s.reason ?? null,
      at: new Date(0),
    }));
    return [...messages, ...statuses];
  }

  async send(message: OutboundMessage, ctx: Ctx): Promise<SendResult> {
    // Without an outbound URL the reply is delivered by being readable over the REST API.
    if (!ctx.settings.outboundUrl) return { ok: true, externalId: `sb:${message.idempotencyKey}` };
    const body = JSON.stringify({
      id: message.idempotencyKey,
      conversationId: message.conversation.id,
      to: message.recipient.externalId,
      from: message.sender.name,
      text: message.text,
    });
    const ts = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(ctx.settings.outboundUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: signApiPayload(ctx.secrets.signingSecret, ts, body),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      return {
        ok: false,
        error: new ChannelError(
          'UNAVAILABLE',
          `Outbound endpoint unreachable: ${(err as Error).message}`,
        ),
      };
    }
    if (res.ok) {
      const reply = (await res.json().catch(() => ({}))) as { id?: unknown };
      return {
        ok: true,
        externalId:
          typeof reply.id === 'string' && reply.id ? reply.id : `sb:${message.idempotencyKey}`,
      };
    }
    return {
      ok: false,
      error: errorForStatus(
        res.status,
        res.headers.get('retry-after'),
        await res.text().catch(() => ''),
      ),
    };
  }
}

function errorForStatus(status: number, retryAfter: string | null, text: string): ChannelError {
  const detail = `Outbound endpoint answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  if (status === 429)
    return new ChannelError(
      'RATE_LIMITED',
      detail,
      retryAfter ? Number(retryAfter) * 1000 : undefined,
    );
  if (status === 401 || status === 403) return new ChannelError('AUTH_FAILED', detail);
  if (status === 404 || status === 410) return new ChannelError('INVALID_RECIPIENT', detail);
  if (status >= 400 && status < 500) return new ChannelError('CONTENT_REJECTED', detail);
  return new ChannelError('UNAVAILABLE', detail);
}
