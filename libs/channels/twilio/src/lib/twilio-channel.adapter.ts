import {
  ChannelError,
  type ChannelAdapter,
  type ChannelManifest,
  type ConnectResult,
  type FetchAttachmentResult,
  type InboundEvent,
  type InboxContext,
  type MessageTemplate,
  type OutboundMessage,
  type SendResult,
  type WebhookRequest,
} from '@switchboard/channels-core';
import twilio from 'twilio';
import { parseTwilioWebhook } from './inbound/parse-twilio-webhook';
import { verifyTwilioSignature } from './inbound/verify-signature';
import { fetchTwilioMedia, TWILIO_MAX_MEDIA_BYTES } from './media/fetch-twilio-media';
import { TwilioSender } from './outbound/twilio-sender';
import { toMessageTemplate } from './templates/twilio-templates';
import { AUTH_FAILED_MESSAGE, channelErrorFrom, isTwilioAnswer, quote } from './twilio-errors';
import { TwilioHttpClient } from './twilio-http-client';
import { twilioWebhookUrls } from './twilio-webhook-urls';
import {
  isWhatsAppSender,
  twilioSecretsSchema,
  twilioSettingsSchema,
  type TwilioSecrets,
  type TwilioSettings,
} from './twilio.schemas';

type Ctx = InboxContext<TwilioSettings, TwilioSecrets>;

export interface TwilioChannelOptions {
  /**
   * Send every Twilio request (REST API, Content API, media) to this origin instead: tests point
   * it at a fake. No trailing slash. Default: the real Twilio.
   */
  apiOrigin?: string;
  /** Longest one REST call may take. */
  requestTimeoutMs?: number;
  /** Longest one media download may take. */
  mediaTimeoutMs?: number;
  /** Most templates listed per inbox. */
  maxTemplates?: number;
  /** Clock for the times Twilio does not send (inbound messages, receipts). */
  now?: () => Date;
}

/**
 * WhatsApp and SMS through Twilio: customers write to the company's WhatsApp sender or SMS number;
 * the sender's prefix (`whatsapp:`) decides which, and with it the 24-hour reply window. All REST
 * calls go through the real twilio client.
 */
export class TwilioChannelAdapter implements ChannelAdapter<TwilioSettings, TwilioSecrets> {
  readonly manifest: ChannelManifest<TwilioSettings, TwilioSecrets> = {
    kind: 'whatsapp',
    displayName: 'WhatsApp / SMS (Twilio)',
    settingsSchema: twilioSettingsSchema,
    secretsSchema: twilioSecretsSchema,
    capabilities: {
      attachments: true,
      deliveryReceipts: true,
      readReceipts: true,
      html: false,
      replyWindowHours: 24,
      maxTextLength: 1600,
      maxAttachmentBytes: TWILIO_MAX_MEDIA_BYTES,
    },
    // Twilio's webhook security guide answers a request that fails validation with 403.
    forgedWebhookStatus: 403,
  };

  private readonly apiOrigin: string | null;
  private readonly mediaTimeoutMs: number;
  private readonly maxTemplates: number;
  private readonly now: () => Date;
  private readonly httpClient: TwilioHttpClient;
  private readonly clients = new Map<string, twilio.Twilio>();
  private readonly sender = new TwilioSender();

  constructor(options: TwilioChannelOptions = {}) {
    // Normalised (and checked) once: a bad override is a configuration error, found at start.
    this.apiOrigin = options.apiOrigin ? new URL(options.apiOrigin).origin : null;
    this.mediaTimeoutMs = options.mediaTimeoutMs ?? 120_000;
    this.maxTemplates = options.maxTemplates ?? 1000;
    this.now = options.now ?? (() => new Date());
    // One HTTP client for every account: its keep-alive connections are shared.
    this.httpClient = new TwilioHttpClient(this.apiOrigin, options.requestTimeoutMs ?? 30_000);
  }

  /** A WhatsApp sender allows free-form replies for 24 hours after the customer's last message; SMS always. */
  replyWindowHours(ctx: Ctx): number | null {
    return isWhatsAppSender(ctx.settings.sender) ? 24 : null;
  }

  async connect(ctx: Ctx): Promise<ConnectResult<TwilioSettings, TwilioSecrets>> {
    const { accountSid } = ctx.settings;
    const { authToken } = ctx.secrets;
    try {
      const account = await this.client(ctx).api.v2010.accounts(accountSid).fetch();
      const accountName = account.friendlyName?.trim().slice(0, 255);
      return { settings: accountName ? { accountName } : {} };
    } catch (error) {
      throw connectError(error, authToken);
    }
  }

  verifyWebhook(req: WebhookRequest, ctx: Ctx): boolean {
    return verifyTwilioSignature(req, {
      accountSid: ctx.settings.accountSid,
      authToken: ctx.secrets.authToken,
    });
  }

  parseInbound(req: WebhookRequest, ctx: Ctx): InboundEvent[] {
    return parseTwilioWebhook(req, ctx.settings.sender, this.now);
  }

  async send(message: OutboundMessage, ctx: Ctx): Promise<SendResult> {
    try {
      return await this.sender.send(this.client(ctx), message, {
        inboxId: ctx.inboxId,
        from: ctx.settings.sender,
        statusCallback: twilioWebhookUrls(ctx.publicUrl, ctx.inboxId).statusCallback,
        authToken: ctx.secrets.authToken,
      });
    } catch (error) {
      // The sender returns Twilio's errors; anything thrown is ours (a client that cannot be
      // built), before anything went out, and still must not escape.
      const text = quote(
        error instanceof Error ? error.message : String(error),
        ctx.secrets.authToken,
      );
      return { ok: false, error: new ChannelError('UNKNOWN', `Twilio send failed: ${text}`) };
    }
  }

  fetchAttachment(ref: string, ctx: Ctx): Promise<FetchAttachmentResult> {
    return fetchTwilioMedia(ref, {
      apiOrigin: this.apiOrigin,
      accountSid: ctx.settings.accountSid,
      authToken: ctx.secrets.authToken,
      timeoutMs: this.mediaTimeoutMs,
    });
  }

  /** The account's Content API templates. Throws ChannelError when Twilio cannot be asked. */
  async listTemplates(ctx: Ctx): Promise<MessageTemplate[]> {
    const whatsapp = isWhatsAppSender(ctx.settings.sender);
    try {
      const contents = await this.client(ctx).content.v1.contentAndApprovals.list({
        pageSize: 100,
        limit: this.maxTemplates,
      });
      return contents.map((content) => toMessageTemplate(content, whatsapp));
    } catch (error) {
      throw channelErrorFrom(error, { delivers: false, authToken: ctx.secrets.authToken });
    }
  }

  /** One twilio client per account and token, reused; bounded so replaced tokens fall out. */
  private client(ctx: Ctx): twilio.Twilio {
    const { accountSid } = ctx.settings;
    const { authToken } = ctx.secrets;
    const key = `${accountSid}:${authToken}`;
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size >= 1000)
        this.clients.delete(this.clients.keys().next().value as string);
      client = twilio(accountSid, authToken, {
        accountSid,
        httpClient: this.httpClient,
        autoRetry: false,
        // twilio-node's debug log prints requests; TWILIO_LOG_LEVEL must not switch it on here.
        logLevel: 'info',
      });
      this.clients.set(key, client);
    }
    return client;
  }
}

/** Why credentials cannot be saved, in the words Twilio gave. */
function connectError(error: unknown, authToken: string): ChannelError {
  if (isTwilioAnswer(error)) {
    if (error.code === 20003 || error.status === 401)
      return new ChannelError('AUTH_FAILED', AUTH_FAILED_MESSAGE);
    const said = quote(error.message || `HTTP ${error.status}`, authToken);
    if (error.status >= 500)
      return new ChannelError('UNAVAILABLE', `Twilio is unavailable: ${said}`);
    return new ChannelError(
      'CONFIG_INVALID',
      `Twilio refused${error.code ? ` (${error.code})` : ''}: ${said}`,
    );
  }
  return channelErrorFrom(error, { delivers: false, authToken });
}
