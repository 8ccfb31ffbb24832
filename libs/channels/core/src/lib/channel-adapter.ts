import type { ZodType } from 'zod';
import type { ChannelKind } from '@switchboard/contracts';
import type { ChannelCapabilities } from './channel-capabilities';
import type { InboundEvent } from './inbound-event';
import type {
  FetchAttachmentResult,
  MessageTemplate,
  OutboundMessage,
  SendResult,
} from './outbound-message';
import type { WebhookRequest } from './webhook-request';

/** Static description of a channel; drives the inbox settings form and the core's limits. */
export interface ChannelManifest<TSettings, TSecrets> {
  kind: ChannelKind;
  displayName: string;
  /** Public settings, returned by the API. */
  settingsSchema: ZodType<TSettings>;
  /** Credentials: encrypted at rest, never returned by the API. */
  secretsSchema: ZodType<TSecrets>;
  capabilities: ChannelCapabilities;
  /**
   * What a webhook that fails `verifyWebhook` is answered: 401 (the default) or 403, for providers
   * whose documentation asks for it (Twilio).
   */
  forgedWebhookStatus?: 401 | 403;
}

/** The configured inbox an adapter works for. */
export interface InboxContext<TSettings, TSecrets> {
  inboxId: string;
  settings: TSettings;
  secrets: TSecrets;
  /** Base URL where Switchboard is reachable from outside (links, webhook URLs). */
  publicUrl: string;
}

/**
 * The one small contract every channel implements. Adapters are plain classes: no database, no
 * framework. The core owns storage, dedupe, retries and the live stream.
 *
 * TInbound is what the channel hands us: an HTTP webhook for most, a raw RFC 822 message for email.
 */
export interface ChannelAdapter<
  TSettings = unknown,
  TSecrets = unknown,
  TInbound = WebhookRequest,
> {
  readonly manifest: ChannelManifest<TSettings, TSecrets>;

  /** True only when the input provably comes from the provider (signature, secret token). */
  verifyWebhook(
    input: TInbound,
    ctx: InboxContext<TSettings, TSecrets>,
  ): boolean | Promise<boolean>;

  /**
   * Normalise provider input into inbound events. Pure and deterministic: the same input yields the
   * same external ids, which is what makes redelivered webhooks harmless. Throws ChannelInputError
   * on input it cannot understand.
   */
  parseInbound(
    input: TInbound,
    ctx: InboxContext<TSettings, TSecrets>,
  ): InboundEvent[] | Promise<InboundEvent[]>;

  /** One attempt to send one message. Never throws for provider errors: returns them. */
  send(message: OutboundMessage, ctx: InboxContext<TSettings, TSecrets>): Promise<SendResult>;

  /**
   * Optional. Called when an inbox is created or its settings or secrets change: check the
   * credentials with the provider and register what it needs (a webhook). Returns settings the
   * provider told us (the bot's name) and secrets we generated (a webhook secret), merged into the
   * inbox. Throws ChannelError (CONFIG_INVALID, AUTH_FAILED) with the provider's reason to refuse.
   */
  connect?(
    ctx: InboxContext<TSettings, TSecrets>,
    previous: InboxContext<TSettings, TSecrets> | null,
  ): Promise<ConnectResult<TSettings, TSecrets>>;

  /** Optional. Undo `connect` (delete the webhook) when the inbox is removed or its credentials replaced. */
  disconnect?(ctx: InboxContext<TSettings, TSecrets>): Promise<void>;

  /** Optional. Fetch a file announced as `remote` by parseInbound. Never throws: returns errors. */
  fetchAttachment?(
    ref: string,
    ctx: InboxContext<TSettings, TSecrets>,
  ): Promise<FetchAttachmentResult>;

  /**
   * Optional. How long after the customer's last message free-form replies are allowed, for this
   * inbox (a WhatsApp sender: 24; an SMS number on the same adapter: null). Defaults to the
   * manifest's `capabilities.replyWindowHours`.
   */
  replyWindowHours?(ctx: InboxContext<TSettings, TSecrets>): number | null;

  /** Optional. The message templates the provider has for this inbox (sendable outside the window). */
  listTemplates?(ctx: InboxContext<TSettings, TSecrets>): Promise<MessageTemplate[]>;

  /**
   * Optional. Acknowledge a `button_press` with a short notice the customer sees (Telegram's
   * answerCallbackQuery: the button stops spinning). Best effort: errors are the caller's to log.
   */
  answerButtonPress?(
    pressId: string,
    text: string,
    ctx: InboxContext<TSettings, TSecrets>,
  ): Promise<void>;

  /** Optional. Show the customer that an operator is typing. Best effort: errors are swallowed. */
  sendTyping?(
    recipient: OutboundMessage['recipient'],
    ctx: InboxContext<TSettings, TSecrets>,
  ): Promise<void>;
}

export interface ConnectResult<TSettings, TSecrets> {
  settings?: Partial<TSettings>;
  secrets?: Partial<TSecrets>;
}

/** Any adapter, for registries that hold many kinds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChannelAdapter = ChannelAdapter<any, any, any>;
