import { BotApiError, tooManyRequests } from './bot-api-error';
import { ChatStore, type TelegramObject } from './chat-store';
import type {
  TelegramChatAction,
  FakeBotApiLimits,
  TelegramInjectedError,
  SentMessage,
  Update,
  TelegramWebhookSettings,
} from './fake-bot-types';
import { FileStore } from './file-store';
import type { CallbackQueryRecord } from './inline-keyboards';
import { LongPoll } from './long-poll';
import { SlidingWindowLimiter, type RateWindow } from './sliding-window-limiter';
import { UpdateQueue } from './update-queue';
import { WebhookSender, type WebhookAttempt } from './webhook-sender';

export interface BotIdentity {
  token: string;
  id: number;
  username: string;
  firstName: string;
}

export interface BotStateOptions {
  limits: FakeBotApiLimits;
  webhookTimeoutMs: number;
  webhookRetryDelayMs: number;
  /** Runs a method call that came back in a webhook answer. */
  executeWebhookReply(reply: Record<string, unknown>): void;
}

/** Everything Telegram keeps about one bot; the API methods and the customer side both act on it. */
export class BotState {
  readonly user: TelegramObject;
  revoked = false;
  readonly chats = new ChatStore();
  readonly files = new FileStore();
  readonly queue = new UpdateQueue();
  readonly poll = new LongPoll(this.queue);
  readonly sender: WebhookSender;
  webhook: TelegramWebhookSettings | null = null;
  lastWebhookError: { date: number; message: string } | null = null;
  webhookDeliveries = 0;
  readonly sent: SentMessage[] = [];
  /** Inline keyboard presses by id, answered or not (answerCallbackQuery). */
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly chatActions: TelegramChatAction[] = [];
  rateLimitViolations = 0;
  private readonly calls = new Map<string, number>();
  private readonly injected = new Map<
    string,
    { error: TelegramInjectedError; remaining: number }[]
  >();
  private readonly limiter = new SlidingWindowLimiter();
  // Telegram's update ids are large and sequential; any start will do.
  private lastUpdateId = 730_000_000;

  constructor(
    readonly identity: BotIdentity,
    private readonly options: BotStateOptions,
  ) {
    this.user = {
      id: identity.id,
      is_bot: true,
      first_name: identity.firstName,
      username: identity.username,
    };
    this.sender = new WebhookSender(
      this.queue,
      { timeoutMs: options.webhookTimeoutMs, retryDelayMs: options.webhookRetryDelayMs },
      {
        onAttempt: (attempt) => this.noteWebhookAttempt(attempt),
        onReply: (reply) => options.executeWebhookReply(reply),
      },
    );
  }

  get limits(): FakeBotApiLimits {
    return this.options.limits;
  }

  nextUpdateId(): number {
    return ++this.lastUpdateId;
  }

  /** Raw updates may bring their own ids; later ones keep increasing past them. */
  noteUpdateId(id: number): void {
    if (id > this.lastUpdateId) this.lastUpdateId = id;
  }

  enqueue(update: Update, options: { redelivery?: boolean; bypassFilter?: boolean } = {}): void {
    this.queue.push(update, options);
  }

  countCall(method: string): void {
    const key = method.toLowerCase();
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  callCount(method: string): number {
    return this.calls.get(method.toLowerCase()) ?? 0;
  }

  injectFailure(method: string, error: TelegramInjectedError, times: number): void {
    const key = method.toLowerCase();
    this.injected.set(key, [...(this.injected.get(key) ?? []), { error, remaining: times }]);
  }

  /** The injected failure this call of `method` answers with, if one is due. */
  takeInjectedFailure(method: string): BotApiError | null {
    const queue = this.injected.get(method.toLowerCase());
    const next = queue?.[0];
    if (!queue || !next) return null;
    next.remaining--;
    if (next.remaining <= 0) queue.shift();
    return new BotApiError(next.error.error_code, next.error.description, next.error.retry_after);
  }

  /**
   * A message may go to `chatId` now, or Telegram answers 429: per bot per second, per private
   * chat per second, per group per minute (sliding windows).
   */
  takeSendSlot(chatId: number, now: number): void {
    const windows: RateWindow[] = [
      { key: 'bot', limit: this.limits.perBotPerSecond, windowMs: 1000 },
      chatId < 0
        ? { key: `group:${chatId}`, limit: this.limits.perGroupPerMinute, windowMs: 60_000 }
        : { key: `chat:${chatId}`, limit: this.limits.perChatPerSecond, windowMs: 1000 },
    ];
    if (this.limiter.tryTake(windows, now)) return;
    this.rateLimitViolations++;
    throw tooManyRequests(this.limits.retryAfterSeconds);
  }

  setWebhook(settings: TelegramWebhookSettings | null): void {
    this.webhook = settings;
    if (!settings) this.lastWebhookError = null;
    this.sender.configure(settings);
  }

  private noteWebhookAttempt(attempt: WebhookAttempt): void {
    this.webhookDeliveries++;
    if (!attempt.ok) {
      this.lastWebhookError = {
        date: Math.floor(Date.now() / 1000),
        message: attempt.error ?? 'Unknown error',
      };
    }
  }

  stop(): void {
    this.sender.stop();
    this.poll.terminate();
  }
}
