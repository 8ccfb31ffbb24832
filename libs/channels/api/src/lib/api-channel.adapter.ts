import {
  ChannelError,
  ChannelInputError,
  header,
  PrivateNetworkTargetError,
  providerTextExcerpt,
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
  apiStatusSchema,
  type ApiChannelSecrets,
  type ApiChannelSettings,
} from './api-channel.schemas';
import {
  SIGNATURE_HEADER,
  signApiPayload,
  TIMESTAMP_HEADER,
  verifyApiSignature,
} from './api-channel.signature';
import { postJson, type PostAnswer } from './outbound-post';

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
        { cause: parsed.error },
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
      automated: m.automated ?? false,
    }));
    const statuses = body.statuses.map((raw): InboundEvent => {
      const s = apiStatusSchema.safeParse(raw);
      if (s.success)
        return {
          type: 'status',
          externalId: s.data.messageId,
          status: s.data.status,
          reason: s.data.reason ?? null,
          at: new Date(0),
        };
      const id = (raw as { messageId?: unknown } | null)?.messageId;
      return {
        type: 'ignored',
        externalId: typeof id === 'string' ? id.slice(0, 255) : null,
        reason: s.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')
          .slice(0, 500),
      };
    });
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
    let res: PostAnswer;
    try {
      res = await postJson(
        ctx.settings.outboundUrl,
        body,
        {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: signApiPayload(ctx.secrets.signingSecret, ts, body),
        },
        this.timeoutMs,
      );
    } catch (err) {
      // Refused by the outbound network policy: an admin has to change the URL, retrying won't help.
      if (err instanceof PrivateNetworkTargetError)
        return {
          ok: false,
          error: new ChannelError('CONFIG_INVALID', `Outbound URL refused: ${err.message}`),
        };
      return {
        ok: false,
        error: new ChannelError(
          'UNAVAILABLE',
          `Outbound endpoint unreachable: ${providerTextExcerpt((err as Error).message)}`,
        ),
      };
    }
    if (res.status >= 200 && res.status < 300) {
      const reply = parseJsonObject(res.body);
      return {
        ok: true,
        externalId:
          typeof reply.id === 'string' && reply.id ? reply.id : `sb:${message.idempotencyKey}`,
      };
    }
    return {
      ok: false,
      error: errorForStatus(res.status, headerValue(res.headers['retry-after']), res.body),
    };
  }
}

function parseJsonObject(text: string): { id?: unknown } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function errorForStatus(status: number, retryAfter: string | null, text: string): ChannelError {
  // The integrator's body is theirs: an excerpt, never the whole page, into the failure reason.
  const excerpt = providerTextExcerpt(text);
  const detail = `Outbound endpoint answered ${status}${excerpt ? `: ${excerpt}` : ''}`;
  if (status >= 300 && status < 400)
    return new ChannelError(
      'CONFIG_INVALID',
      `${detail} (redirects are not followed: use the final URL)`,
    );
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
