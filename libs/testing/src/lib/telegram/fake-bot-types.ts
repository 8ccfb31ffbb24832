import type { CallbackQueryRecord } from './inline-keyboards';

/** A Telegram account as it appears in `from` (a customer, or the bot itself). */
export interface FakeTelegramUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A chat as it appears in `message.chat`. Groups have negative ids. */
export interface FakeTelegramChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  username?: string;
}

/** Where a customer writes: a chat, or a user (meaning the private chat with them). */
export type FakeChatOrUser = FakeTelegramChat | FakeTelegramUser;

export interface FakeBotApiLimits {
  /** Private chats: messages per sliding second (Telegram: about 1/s, burst 1). */
  perChatPerSecond: number;
  /** Chats with negative ids: messages per sliding minute (Telegram: 20). */
  perGroupPerMinute: number;
  /** All chats together: messages per sliding second (Telegram: about 30). */
  perBotPerSecond: number;
  /** What a rate-limit 429 says in `parameters.retry_after`. */
  retryAfterSeconds: number;
  /** getFile refuses larger files (the Bot API's 20 MB download limit). */
  maxDownloadBytes: number;
}

export const DEFAULT_FAKE_BOT_API_LIMITS: FakeBotApiLimits = {
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
  perBotPerSecond: 30,
  retryAfterSeconds: 1,
  maxDownloadBytes: 20 * 1024 * 1024,
};

export interface FakeBotApiOptions {
  limits?: Partial<FakeBotApiLimits>;
  /** A webhook POST that has not answered after this long counts as failed (Telegram: about 10 s). */
  webhookTimeoutMs?: number;
  /** Pause before retrying a failed webhook delivery (Telegram backs off longer; tests want speed). */
  webhookRetryDelayMs?: number;
}

export type Update = Record<string, unknown> & { update_id: number };

/** One file a bot uploaded in a multipart request. */
export interface TelegramSentFile {
  /** The API parameter the file filled: 'photo', 'document', or the media type inside a group. */
  field: string;
  filename: string;
  contentType: string | null;
  bytes: Buffer;
}

/** Every message the bot sent, in acceptance order (a media group yields one per item). */
export interface SentMessage {
  method: 'sendMessage' | 'sendPhoto' | 'sendDocument' | 'sendMediaGroup' | string;
  chatId: number;
  messageId: number;
  /** Text or caption after parse-mode entity parsing: what the customer sees. */
  text: string | null;
  /** Text or caption as sent, before parsing. */
  rawText: string | null;
  parseMode: string | null;
  /** Message entities after parsing (or as given in `entities` / `caption_entities`). */
  entities: TelegramMessageEntity[];
  replyToMessageId: number | null;
  files: TelegramSentFile[];
  /** Files sent by file_id or URL string instead of an upload. */
  fileIds: string[];
  /** `media_group_id` of an album, else null. */
  mediaGroupId: string | null;
  /** `reply_markup.inline_keyboard` as sent, else null. */
  inlineKeyboard: { text: string; callback_data?: string; url?: string }[][] | null;
  at: number;
}

export interface TelegramMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: unknown;
}

export interface TelegramChatAction {
  chatId: number;
  action: string;
  at: number;
}

export interface TelegramWebhookSettings {
  url: string;
  secretToken: string | null;
  allowedUpdates: string[] | null;
}

/** The error envelope a call should answer with (Telegram's `error_code`, `description`, `retry_after`). */
export interface TelegramInjectedError {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface TelegramMediaOptions {
  caption?: string;
  /** Claim this size instead of bytes.length (to exceed the download limit without allocating it). */
  announcedSize?: number;
  mediaGroupId?: string;
}

export interface TelegramDocumentOptions extends TelegramMediaOptions {
  fileName: string;
  mimeType: string;
}

export interface TelegramVoiceOptions extends TelegramMediaOptions {
  duration?: number;
}

export interface TelegramAudioOptions extends TelegramMediaOptions {
  duration?: number;
  title?: string;
  performer?: string;
  fileName?: string;
  mimeType?: string;
}

export interface TelegramVideoOptions extends TelegramMediaOptions {
  duration?: number;
  width?: number;
  height?: number;
  fileName?: string;
  mimeType?: string;
}

export interface TelegramVideoNoteOptions {
  duration?: number;
  length?: number;
  announcedSize?: number;
}

export interface TelegramStickerOptions {
  emoji?: string;
  announcedSize?: number;
}

export interface TelegramContactCard {
  phone_number: string;
  first_name: string;
  last_name?: string;
  user_id?: number;
}

/** One registered bot: make customer updates happen, inspect what the bot did, inject faults. */
export interface FakeBot {
  readonly token: string;
  readonly id: number;
  readonly username: string;
  /** Telegram revokes the token: every call answers 401 Unauthorized. */
  revoke(): void;

  // ---- customer side ----
  // Each call returns the update it produced as soon as it is queued (not when delivered; use
  // waitFor / pendingUpdateCount for that). Updates go to the webhook when one is set (one at a
  // time, in order, retried until a 2xx), else wait for getUpdates. A type left out of
  // allowed_updates is dropped when produced, as Telegram does. A user stands for the private
  // chat with them; every chat has its own message_id sequence.
  privateText(
    from: FakeTelegramUser,
    text: string,
    opts?: { entities?: unknown[]; replyToMessageId?: number },
  ): Promise<Update>;
  groupText(
    chat: FakeTelegramChat,
    from: FakeTelegramUser,
    text: string,
    opts?: { entities?: unknown[]; replyToMessageId?: number },
  ): Promise<Update>;
  photo(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts?: TelegramMediaOptions,
  ): Promise<Update>;
  document(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts: TelegramDocumentOptions,
  ): Promise<Update>;
  voice(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts?: TelegramVoiceOptions,
  ): Promise<Update>;
  audio(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts?: TelegramAudioOptions,
  ): Promise<Update>;
  video(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts?: TelegramVideoOptions,
  ): Promise<Update>;
  videoNote(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts?: TelegramVideoNoteOptions,
  ): Promise<Update>;
  sticker(
    chat: FakeChatOrUser,
    from: FakeTelegramUser,
    bytes: Buffer,
    opts?: TelegramStickerOptions,
  ): Promise<Update>;
  location(chat: FakeChatOrUser, from: FakeTelegramUser, lat: number, lon: number): Promise<Update>;
  contact(chat: FakeChatOrUser, from: FakeTelegramUser, c: TelegramContactCard): Promise<Update>;
  /** edited_message (text or caption) with an edit_date later than the original's date. */
  edit(original: Update, newText: string): Promise<Update>;
  /** my_chat_member: member -> kicked in the private chat; later sends to the user answer 403. */
  blockedBy(user: FakeTelegramUser): Promise<Update>;
  unblockedBy(user: FakeTelegramUser): Promise<Update>;
  /**
   * Deliver an arbitrary raw update (a fixture, a malformed or unknown type) whatever
   * allowed_updates says; update_id assigned if missing. Its chat and message become known.
   */
  deliverRaw(update: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * Deliver an update already produced again, with the same update_id: by webhook, or in the next
   * getUpdates answer even when the offset already confirmed it.
   */
  redeliver(update: Update): Promise<void>;
  /** Make a chat known without a customer update (sends to unknown chats answer 400). */
  knowChat(chat: FakeChatOrUser): void;
  /**
   * The customer presses an inline keyboard button of one of the bot's messages: a callback_query
   * update. Throws when that message has no button with this callback_data.
   */
  pressButton(
    from: FakeTelegramUser,
    sent: Pick<SentMessage, 'chatId' | 'messageId'>,
    data: string,
  ): Promise<Update>;

  // ---- inspection ----
  readonly sent: readonly SentMessage[];
  sentTo(chatId: number): SentMessage[];
  /** Button presses and how the bot answered them (answerCallbackQuery), oldest first. */
  readonly callbackQueries: readonly CallbackQueryRecord[];
  readonly chatActions: readonly TelegramChatAction[];
  readonly webhook: TelegramWebhookSettings | null;
  /** Webhook POSTs made, retries included. */
  readonly webhookDeliveries: number;
  /** Updates produced but not yet confirmed (getUpdates offset) or acknowledged (webhook 2xx). */
  readonly pendingUpdateCount: number;
  /** 429s answered because a real limit was exceeded (not injected ones). */
  readonly rateLimitViolations: number;
  callCount(method: string): number;
  /** getUpdates long-polls held open right now. */
  readonly activePolls: number;
  /** Distinct TCP connections holding those polls. */
  readonly activePollConnections: number;
  /** getUpdates calls ended by 409 because another getUpdates came in. */
  readonly pollConflicts: number;

  // ---- fault injection ----
  failNext(method: string, error: TelegramInjectedError, times?: number): void;
  markBlocked(userId: number): void;
  waitFor(predicate: (bot: FakeBot) => boolean, timeoutMs?: number): Promise<void>;
}
