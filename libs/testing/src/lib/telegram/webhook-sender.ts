import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TelegramWebhookSettings } from './fake-bot-types';
import type { UpdateQueue } from './update-queue';

export interface WebhookAttempt {
  ok: boolean;
  /** Why it failed, worded like getWebhookInfo's last_error_message. */
  error?: string;
  /** A 2xx answer's JSON body, which may carry a method call (a "webhook reply"). */
  reply?: Record<string, unknown>;
}

export interface WebhookSenderHooks {
  onAttempt(attempt: WebhookAttempt): void;
  onReply(reply: Record<string, unknown>): void;
}

/**
 * Posts pending updates to the webhook one at a time, oldest first, and retries the same update
 * after a failure (non-2xx, network error, timeout) until it is acknowledged, like Telegram.
 */
export class WebhookSender {
  private settings: TelegramWebhookSettings | null = null;
  private running = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly abortInFlight = new AbortController();

  constructor(
    private readonly queue: UpdateQueue,
    private readonly options: { timeoutMs: number; retryDelayMs: number },
    private readonly hooks: WebhookSenderHooks,
  ) {
    queue.onPush(() => this.wake?.());
  }

  configure(settings: TelegramWebhookSettings | null): void {
    this.settings = settings;
    this.wake?.();
    if (settings && !this.running && !this.stopped) void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
    this.abortInFlight.abort();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped && this.settings) {
        const update = this.queue.head();
        if (!update) {
          await this.sleep(null);
          continue;
        }
        const attempt = await postUpdate(
          this.settings,
          update,
          this.options.timeoutMs,
          this.abortInFlight.signal,
        );
        this.hooks.onAttempt(attempt);
        if (attempt.ok) {
          this.queue.remove(update);
          if (attempt.reply) this.hooks.onReply(attempt.reply);
        } else {
          await this.sleep(this.options.retryDelayMs);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Waits `ms` (or until a new update when null); stop() and a webhook removal end it early. */
  private sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = ms === null ? null : setTimeout(done, ms);
      this.wake = () => {
        if (ms === null || this.stopped || this.settings === null) done();
      };
    });
  }
}

function postUpdate(
  settings: TelegramWebhookSettings,
  update: Record<string, unknown>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<WebhookAttempt> {
  return new Promise((resolve) => {
    const body = Buffer.from(JSON.stringify(update));
    const url = new URL(settings.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (attempt: WebhookAttempt): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    const req = send(url, {
      method: 'POST',
      signal,
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        ...(settings.secretToken
          ? { 'x-telegram-bot-api-secret-token': settings.secretToken }
          : {}),
      },
    });
    const timer = setTimeout(() => {
      finish({ ok: false, error: 'Read timeout expired' });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        error: error.code === 'ECONNREFUSED' ? 'Connection refused' : error.message,
      }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => finish({ ok: false, error: 'Connection reset by peer' }));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          finish({
            ok: false,
            error: `Wrong response from the webhook: ${status} ${res.statusMessage ?? ''}`.trim(),
          });
          return;
        }
        finish({ ok: true, reply: webhookReply(Buffer.concat(chunks)) });
      });
    });
    req.end(body);
  });
}

/** A JSON body with a `method` field is a call the bot makes in its answer. */
function webhookReply(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { method?: unknown }).method === 'string'
    ) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON: an ordinary acknowledgement.
  }
  return undefined;
}
