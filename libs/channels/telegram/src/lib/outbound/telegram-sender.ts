import { ChannelError, type OutboundMessage, type SendResult } from '@switchboard/channels-core';
import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { channelErrorFrom, retryAfterSeconds } from '../telegram-errors';
import { planSend, type SendStep } from './send-plan';
import { SendThrottle, systemClock, type Clock } from './send-throttle';
import { SentPartsMemory } from './sent-parts-memory';

export interface TelegramSenderOptions {
  throttle: SendThrottle;
  /** Longest a send may wait for rate limits (ours and Telegram's 429s) before giving up. */
  maxThrottleWaitMs: number;
  clock?: Clock;
  memory?: SentPartsMemory;
}

type CallResult = { ok: true; messageId: number } | { ok: false; error: ChannelError };

/**
 * Delivers one outbound message through grammy's Api: throttled, in chat order, resuming after
 * the parts Telegram already accepted, riding out 429s within the wait budget.
 */
export class TelegramSender {
  private readonly clock: Clock;
  private readonly memory: SentPartsMemory;

  constructor(private readonly options: TelegramSenderOptions) {
    this.clock = options.clock ?? systemClock;
    this.memory = options.memory ?? new SentPartsMemory();
  }

  async send(api: Api, token: string, message: OutboundMessage): Promise<SendResult> {
    const chatId = Number(message.recipient.externalId);
    if (!Number.isSafeInteger(chatId) || chatId === 0)
      return fail(
        'INVALID_RECIPIENT',
        `Not a Telegram chat id: ${message.recipient.externalId.slice(0, 40)}`,
      );
    if (message.deliberateResend) this.memory.forget(message.idempotencyKey);
    const steps = planSend(message);
    if (steps.length === 0)
      return fail('CONTENT_REJECTED', 'Nothing to send: the message has no text and no files');
    return this.options.throttle.inChatOrder(token, chatId, () =>
      this.deliver(api, token, chatId, message, steps),
    );
  }

  private async deliver(
    api: Api,
    token: string,
    chatId: number,
    message: OutboundMessage,
    steps: SendStep[],
  ): Promise<SendResult> {
    const key = message.idempotencyKey;
    let known = this.memory.get(key);
    if (known && (known.chatId !== chatId || known.total !== steps.length)) {
      // Not the message we remember (the recipient or the content changed): start over.
      this.memory.forget(key);
      known = undefined;
    }
    const budget = { remainingMs: this.options.maxThrottleWaitMs };
    const replyTo = replyTarget(message.replyTo?.externalId, chatId);
    for (let index = known?.messageIds.length ?? 0; index < steps.length; index++) {
      const step = steps[index];
      let content: Buffer | null = null;
      if (step.kind === 'file') {
        try {
          content = await step.attachment.read();
        } catch (error) {
          return fail(
            'UNKNOWN',
            `Could not read ${step.attachment.filename}: ${(error as Error).message}`,
          );
        }
      }
      const reply = index === 0 ? replyTo : null;
      // Buttons go under the last part, where the customer reads to the end.
      const markup = index === steps.length - 1 ? inlineKeyboard(message) : null;
      const result = await this.callWithRetry(token, chatId, budget, () =>
        callStep(api, chatId, step, content, reply, markup),
      );
      if (!result.ok) return result;
      this.memory.record(key, chatId, steps.length, result.messageId);
    }
    const first = this.memory.get(key)?.messageIds[0];
    return { ok: true, externalId: `${chatId}:${first}` };
  }

  private async callWithRetry(
    token: string,
    chatId: number,
    budget: { remainingMs: number },
    call: () => Promise<number>,
  ): Promise<CallResult> {
    for (;;) {
      const turn = await this.options.throttle.acquire(token, chatId, budget.remainingMs);
      if (!turn.ok) return rateLimited(turn.retryAfterMs, 'our pace for this chat');
      budget.remainingMs -= turn.waitedMs;
      try {
        const messageId = await call();
        turn.slot.done();
        return { ok: true, messageId };
      } catch (error) {
        turn.slot.done();
        const seconds = retryAfterSeconds(error);
        if (seconds === null)
          return { ok: false, error: channelErrorFrom(error, { token, delivers: true }) };
        // A 429 means Telegram took nothing: the same call is safe to make again.
        const waitMs = seconds * 1000;
        if (waitMs > budget.remainingMs)
          return rateLimited(waitMs, 'Telegram asked us to slow down');
        await this.clock.sleep(waitMs);
        budget.remainingMs -= waitMs;
      }
    }
  }
}

async function callStep(
  api: Api,
  chatId: number,
  step: SendStep,
  content: Buffer | null,
  replyTo: number | null,
  markup: InlineKeyboardMarkup | null,
): Promise<number> {
  const reply = {
    ...(replyTo
      ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
      : {}),
    ...(markup ? { reply_markup: markup } : {}),
  };
  if (step.kind === 'text') {
    const sent = await api.sendMessage(chatId, step.html, { parse_mode: 'HTML', ...reply });
    return sent.message_id;
  }
  const caption = step.captionHtml
    ? { caption: step.captionHtml, parse_mode: 'HTML' as const }
    : {};
  // Always uploaded: Telegram cannot fetch from a private server. An InputFile is read once, so
  // every attempt builds its own.
  const file = (): InputFile => new InputFile(content ?? Buffer.alloc(0), step.attachment.filename);
  if (step.asPhoto) {
    try {
      return (await api.sendPhoto(chatId, file(), { ...caption, ...reply })).message_id;
    } catch (error) {
      // A picture Telegram will not show as a photo (odd dimensions, unreadable) still goes, as a file.
      if (!(error instanceof GrammyError) || !refusedAsPhoto(error)) throw error;
    }
  }
  return (await api.sendDocument(chatId, file(), { ...caption, ...reply })).message_id;
}

/** The message's buttons as Bot API `reply_markup.inline_keyboard` (callback_data buttons). */
export function inlineKeyboard(message: OutboundMessage): InlineKeyboardMarkup | null {
  const rows = (message.buttons ?? []).filter((row) => row.length > 0);
  if (rows.length === 0) return null;
  return {
    inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))),
  };
}

function refusedAsPhoto(error: GrammyError): boolean {
  const d = error.description.toUpperCase();
  return error.error_code === 400 && (d.includes('PHOTO_') || d.includes('IMAGE_PROCESS_FAILED'));
}

/** The Telegram message id to answer, if the replied-to message is in this chat. */
export function replyTarget(externalId: string | undefined, chatId: number): number | null {
  if (!externalId) return null;
  const colon = externalId.lastIndexOf(':');
  if (colon <= 0 || externalId.slice(0, colon) !== String(chatId)) return null;
  const id = Number(externalId.slice(colon + 1));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function fail(code: ChannelError['code'], message: string): { ok: false; error: ChannelError } {
  return { ok: false, error: new ChannelError(code, message) };
}

function rateLimited(retryAfterMs: number, why: string): { ok: false; error: ChannelError } {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return {
    ok: false,
    error: new ChannelError(
      'RATE_LIMITED',
      `Telegram rate limit (${why}): next try in ${seconds} s`,
      retryAfterMs,
    ),
  };
}
