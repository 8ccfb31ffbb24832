import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ChannelError,
  ChannelInputError,
  header,
  type ChannelAdapter,
  type ChannelManifest,
  type ConnectResult,
  type FetchAttachmentResult,
  type InboundEvent,
  type InboxContext,
  type OutboundMessage,
  type SendResult,
  type WebhookRequest,
} from '@switchboard/channels-core';
import { Api, GrammyError } from 'grammy';
import { downloadTelegramFile } from './inbound/file-download';
import { fullName } from './inbound/inbound-names';
import { parseUpdate, TELEGRAM_ALLOWED_UPDATES } from './inbound/parse-update';
import { telegramUpdateEnvelopeSchema } from './inbound/telegram-update.schema';
import {
  SendThrottle,
  TELEGRAM_RATE_LIMITS,
  type Clock,
  type TelegramRateLimits,
} from './outbound/send-throttle';
import { TelegramSender } from './outbound/telegram-sender';
import { AUTH_FAILED_MESSAGE, channelErrorFrom, scrubToken } from './telegram-errors';
import {
  telegramSecretsSchema,
  telegramSettingsSchema,
  type TelegramDeliveryMode,
  type TelegramSecrets,
  type TelegramSettings,
} from './telegram.schemas';

type Ctx = InboxContext<TelegramSettings, TelegramSecrets>;

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramChannelOptions {
  /** Bot API server; tests point it at a fake. No trailing slash. */
  apiRoot?: string;
  /** `auto`: a webhook when the public URL is https (Telegram calls only https), else long polling. */
  delivery?: 'auto' | TelegramDeliveryMode;
  /** Longest one send waits for rate limits before answering RATE_LIMITED. */
  maxThrottleWaitMs?: number;
  /** Our pace per bot and chat; defaults to Telegram's documented limits. */
  rateLimits?: Partial<TelegramRateLimits>;
  /** Longest one Bot API request may take (a long poll included). */
  requestTimeoutSeconds?: number;
  clock?: Clock;
}

export interface PollOptions {
  /** First update_id wanted: Telegram forgets every update below it. */
  offset: number;
  /** Long-poll duration; Telegram answers as soon as an update arrives. */
  timeoutSeconds: number;
  signal?: AbortSignal;
}

export interface PolledUpdate {
  updateId: number;
  events: InboundEvent[];
}

/**
 * Telegram bots: customers write to the company's bot privately or in a group it was added to.
 * All talk with Telegram goes through grammy's Api client.
 */
export class TelegramChannelAdapter implements ChannelAdapter<TelegramSettings, TelegramSecrets> {
  readonly manifest: ChannelManifest<TelegramSettings, TelegramSecrets> = {
    kind: 'telegram',
    displayName: 'Telegram',
    settingsSchema: telegramSettingsSchema,
    secretsSchema: telegramSecretsSchema,
    capabilities: {
      attachments: true,
      deliveryReceipts: false,
      readReceipts: false,
      html: false,
      replyWindowHours: null,
      // Longer than one Telegram message (4096): the adapter splits.
      maxTextLength: 40_000,
      // What a bot may upload.
      maxAttachmentBytes: 50 * 1024 * 1024,
    },
  };

  private readonly apiRoot: string;
  private readonly delivery: 'auto' | TelegramDeliveryMode;
  private readonly requestTimeoutSeconds: number;
  private readonly apis = new Map<string, Api>();
  private readonly sender: TelegramSender;

  constructor(options: TelegramChannelOptions = {}) {
    this.apiRoot = trimTrailingSlashes(options.apiRoot ?? 'https://api.telegram.org');
    this.delivery = options.delivery ?? 'auto';
    this.requestTimeoutSeconds = options.requestTimeoutSeconds ?? 60;
    this.sender = new TelegramSender({
      throttle: new SendThrottle({ ...TELEGRAM_RATE_LIMITS, ...options.rateLimits }, options.clock),
      maxThrottleWaitMs: options.maxThrottleWaitMs ?? 25_000,
      clock: options.clock,
    });
  }

  /** The delivery mode an inbox gets with this adapter's options. */
  deliveryFor(ctx: Pick<Ctx, 'publicUrl'>): TelegramDeliveryMode {
    if (this.delivery !== 'auto') return this.delivery;
    return ctx.publicUrl.startsWith('https://') ? 'webhook' : 'polling';
  }

  async connect(
    ctx: Ctx,
    previous: Ctx | null,
  ): Promise<ConnectResult<TelegramSettings, TelegramSecrets>> {
    const token = ctx.secrets.botToken;
    const api = this.api(token);
    let me;
    try {
      me = await api.getMe();
    } catch (error) {
      throw connectError(error, token);
    }
    const tokenChanged = previous !== null && previous.secrets.botToken !== token;
    if (tokenChanged) {
      // The old bot should stop calling us; it may be revoked already, so this is best effort.
      await this.api(previous.secrets.botToken)
        .deleteWebhook()
        .catch(() => undefined);
    }
    const delivery = this.deliveryFor(ctx);
    const settings: Partial<TelegramSettings> = {
      botId: me.id,
      botUsername: me.username,
      botName: fullName(me.first_name, me.last_name) ?? me.username,
      delivery,
    };
    if (delivery === 'polling') {
      try {
        // Keep pending updates: they are customers' messages the poller will pick up.
        await api.deleteWebhook();
      } catch (error) {
        throw connectError(error, token);
      }
      return { settings, secrets: {} };
    }
    const existing = ctx.secrets.webhookSecret ?? previous?.secrets.webhookSecret;
    const webhookSecret =
      !tokenChanged && existing ? existing : randomBytes(32).toString('base64url');
    try {
      await api.setWebhook(`${trimTrailingSlashes(ctx.publicUrl)}/api/webhooks/${ctx.inboxId}`, {
        secret_token: webhookSecret,
        allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
      });
    } catch (error) {
      throw connectError(error, token);
    }
    return { settings, secrets: { webhookSecret } };
  }

  async disconnect(ctx: Ctx): Promise<void> {
    const token = ctx.secrets.botToken;
    try {
      await this.api(token).deleteWebhook();
    } catch (error) {
      // A revoked token has no webhook left to delete.
      if (error instanceof GrammyError && error.error_code === 401) return;
      throw channelErrorFrom(error, { token, delivers: false });
    }
  }

  verifyWebhook(req: WebhookRequest, ctx: Ctx): boolean {
    const expected = ctx.secrets.webhookSecret;
    const given = header(req, TELEGRAM_SECRET_HEADER);
    if (!expected || !given) return false;
    const a = Buffer.from(given, 'utf8');
    const b = Buffer.from(expected, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  parseInbound(req: WebhookRequest): InboundEvent[] {
    let json: unknown;
    try {
      json = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new ChannelInputError('Body is not valid JSON');
    }
    const envelope = telegramUpdateEnvelopeSchema.safeParse(json);
    if (!envelope.success)
      throw new ChannelInputError(
        'Body is not a Telegram Update (an object with an integer update_id)',
        {
          cause: envelope.error,
        },
      );
    return parseUpdate(envelope.data);
  }

  /** One long poll (getUpdates) for inboxes without a public https URL. Throws ChannelError. */
  async pollUpdates(ctx: Ctx, options: PollOptions): Promise<PolledUpdate[]> {
    const token = ctx.secrets.botToken;
    const timeout = Math.max(0, Math.min(options.timeoutSeconds, this.requestTimeoutSeconds - 10));
    let updates: unknown[];
    try {
      updates = await this.api(token).getUpdates(
        {
          offset: options.offset,
          timeout,
          limit: 100,
          allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
        },
        // grammy types its signal with the abort-controller polyfill; Node's own works the same.
        options.signal as Parameters<Api['getUpdates']>[1],
      );
    } catch (error) {
      if (options.signal?.aborted) return [];
      throw channelErrorFrom(error, { token, delivers: false });
    }
    return updates.flatMap((update) => {
      const envelope = telegramUpdateEnvelopeSchema.safeParse(update);
      return envelope.success
        ? [{ updateId: envelope.data.update_id, events: parseUpdate(envelope.data) }]
        : [];
    });
  }

  fetchAttachment(ref: string, ctx: Ctx): Promise<FetchAttachmentResult> {
    const token = ctx.secrets.botToken;
    return downloadTelegramFile(this.api(token), this.apiRoot, token, ref);
  }

  async sendTyping(recipient: OutboundMessage['recipient'], ctx: Ctx): Promise<void> {
    const chatId = Number(recipient.externalId);
    if (!Number.isSafeInteger(chatId)) return;
    // "typing…" is a courtesy: a failure here must never reach the operator.
    await this.api(ctx.secrets.botToken)
      .sendChatAction(chatId, 'typing')
      .catch(() => undefined);
  }

  /** answerCallbackQuery: the customer's button stops spinning and shows `text` briefly. */
  async answerButtonPress(pressId: string, text: string, ctx: Ctx): Promise<void> {
    await this.api(ctx.secrets.botToken).answerCallbackQuery(pressId, { text: text.slice(0, 200) });
  }

  async send(message: OutboundMessage, ctx: Ctx): Promise<SendResult> {
    const token = ctx.secrets.botToken;
    try {
      return await this.sender.send(this.api(token), token, message);
    } catch (error) {
      // The sender returns provider errors; anything thrown is ours, and still must not escape.
      const text = scrubToken(error instanceof Error ? error.message : String(error), token);
      return { ok: false, error: new ChannelError('UNKNOWN', `Telegram send failed: ${text}`) };
    }
  }

  /** One grammy client per bot token, reused so its keep-alive connections are too. */
  private api(token: string): Api {
    let api = this.apis.get(token);
    if (!api) {
      if (this.apis.size >= 1000) this.apis.delete(this.apis.keys().next().value as string);
      api = new Api(token, {
        apiRoot: this.apiRoot,
        timeoutSeconds: this.requestTimeoutSeconds,
      });
      this.apis.set(token, api);
    }
    return api;
  }
}

/** Why a token cannot be saved, in the words Telegram gave. */
function connectError(error: unknown, token: string): ChannelError {
  if (error instanceof GrammyError) {
    if (error.error_code === 401) return new ChannelError('AUTH_FAILED', AUTH_FAILED_MESSAGE);
    return new ChannelError(
      'CONFIG_INVALID',
      `Telegram refused: ${scrubToken(error.description, token)}`,
    );
  }
  return channelErrorFrom(error, { token, delivers: false });
}

function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
