import type { ApiParams, FileInput } from './api-params';
import { badRequest, forbidden } from './bot-api-error';
import type { BotState } from './bot-state';
import type { TelegramObject } from './chat-store';
import type { TelegramMessageEntity, TelegramSentFile, SentMessage } from './fake-bot-types';
import { formatText } from './markup/formatted-text';
import type { FormattedText } from './markup/markup-types';

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/** The chat a send goes to: chat_id as a number, a numeric string or `@username`. */
export function targetChat(state: BotState, params: ApiParams): TelegramObject {
  const raw = params.string('chat_id');
  if (raw === undefined || raw === '') throw badRequest('chat_id is empty');
  const chat = raw.startsWith('@')
    ? state.chats.byUsername(raw.slice(1))
    : /^-?\d{1,20}$/.test(raw)
      ? state.chats.get(Number(raw))
      : undefined;
  if (!chat) throw badRequest('chat not found');
  if (chat['type'] === 'private' && state.chats.isBlocked(chat['id'] as number)) {
    throw forbidden('bot was blocked by the user');
  }
  return chat;
}

/** The message this send replies to (reply_parameters, or the legacy reply_to_message_id). */
export function replyTarget(
  state: BotState,
  chatId: number,
  params: ApiParams,
): TelegramObject | null {
  const parameters = params.json('reply_parameters');
  let messageId = params.integer('reply_to_message_id');
  let allowWithout = params.boolean('allow_sending_without_reply');
  if (parameters !== undefined) {
    if (typeof parameters !== 'object' || parameters === null) {
      throw badRequest("can't parse reply parameters JSON object");
    }
    const p = parameters as { message_id?: unknown; allow_sending_without_reply?: unknown };
    if (typeof p.message_id !== 'number') throw badRequest('message to be replied not found');
    messageId = p.message_id;
    allowWithout = p.allow_sending_without_reply === true;
  }
  if (messageId === undefined) return null;
  const original = state.chats.message(chatId, messageId);
  if (original) return original;
  if (allowWithout) return null;
  throw badRequest('message to be replied not found');
}

/** A text after parse_mode, refused as Telegram does when empty or over 4096 characters. */
export function messageText(params: ApiParams): FormattedText & { raw: string } {
  const raw = params.string('text') ?? '';
  if (raw.trim() === '') throw badRequest('message text is empty');
  const formatted = formatText(raw, params.string('parse_mode'), params.json('entities'));
  if (formatted.text.trim() === '') throw badRequest('message text is empty');
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return { ...formatted, raw };
}

/** A caption after its parse_mode, at most 1024 characters; null when there is none. */
export function captionText(
  raw: string | undefined,
  parseMode: string | undefined,
  entities: unknown,
): (FormattedText & { raw: string }) | null {
  if (raw === undefined || raw === '') return null;
  const formatted = formatText(raw, parseMode, entities);
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return { ...formatted, raw };
}

/** A new message from the bot in `chat`, stored so that it can be replied to. */
export function botMessage(
  state: BotState,
  chat: TelegramObject,
  content: Record<string, unknown>,
  reply: TelegramObject | null,
): TelegramObject {
  const chatId = chat['id'] as number;
  const message: TelegramObject = {
    message_id: state.chats.nextMessageId(chatId),
    from: state.user,
    chat,
    date: Math.floor(Date.now() / 1000),
    ...content,
  };
  if (reply) {
    // Telegram never nests a second reply_to_message inside the replied-to message.
    const { reply_to_message: _nested, ...replied } = reply;
    message['reply_to_message'] = replied;
  }
  state.chats.storeMessage(message);
  return message;
}

export function textFields(
  formatted: FormattedText | null,
  textKey: 'text' | 'caption',
): Record<string, unknown> {
  if (!formatted) return {};
  const entitiesKey = textKey === 'text' ? 'entities' : 'caption_entities';
  return {
    [textKey]: formatted.text,
    ...(formatted.entities.length > 0 ? { [entitiesKey]: formatted.entities } : {}),
  };
}

export function recordSent(
  state: BotState,
  method: string,
  message: TelegramObject,
  details: {
    formatted: (FormattedText & { raw: string }) | null;
    parseMode: string | undefined;
    files?: TelegramSentFile[];
    fileIds?: string[];
  },
): void {
  const replied = message['reply_to_message'] as TelegramObject | undefined;
  const entry: SentMessage = {
    method,
    chatId: (message['chat'] as TelegramObject)['id'] as number,
    messageId: message['message_id'] as number,
    text: details.formatted?.text ?? null,
    rawText: details.formatted?.raw ?? null,
    parseMode: details.parseMode ?? null,
    entities: details.formatted?.entities ?? ([] as TelegramMessageEntity[]),
    replyToMessageId: (replied?.['message_id'] as number | undefined) ?? null,
    files: details.files ?? [],
    fileIds: details.fileIds ?? [],
    mediaGroupId: (message['media_group_id'] as string | undefined) ?? null,
    inlineKeyboard:
      (message['reply_markup'] as { inline_keyboard?: SentMessage['inlineKeyboard'] } | undefined)
        ?.inline_keyboard ?? null,
    at: Date.now(),
  };
  state.sent.push(entry);
}

/** What a file parameter contributes to the sent-log: an upload, or a file_id / URL string. */
export function sentFileOf(
  field: string,
  input: FileInput,
): { files: TelegramSentFile[]; fileIds: string[] } {
  if (input.kind === 'reference') return { files: [], fileIds: [input.value] };
  const { filename, contentType, bytes } = input.part;
  return { files: [{ field, filename, contentType, bytes }], fileIds: [] };
}
