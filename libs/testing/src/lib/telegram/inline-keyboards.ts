import type { ApiParams } from './api-params';
import { badRequest } from './bot-api-error';
import type { BotState } from './bot-state';
import type { TelegramObject } from './chat-store';
import type { MethodHandler } from './update-methods';

/** A button as Telegram keeps it on the message (callback_data or url). */
export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A press the bot has not answered yet, and what answerCallbackQuery said about it. */
export interface CallbackQueryRecord {
  id: string;
  chatId: number;
  messageId: number;
  data: string;
  answered: { text: string | null; showAlert: boolean } | null;
}

/**
 * `reply_markup` of a send, checked as Telegram does: an object with `inline_keyboard`, an array
 * of rows of buttons, each with a non-empty `text` and exactly one action; `callback_data` of
 * 1–64 bytes. Other keyboards (reply, remove, force reply) are accepted and not stored.
 */
export function inlineKeyboardOf(params: ApiParams): InlineButton[][] | null {
  const markup = params.json('reply_markup');
  if (markup === undefined) return null;
  if (typeof markup !== 'object' || markup === null || Array.isArray(markup))
    throw badRequest("can't parse reply keyboard markup JSON object");
  const keyboard = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (keyboard === undefined) return null;
  if (!Array.isArray(keyboard)) throw badRequest('field "inline_keyboard" must be an Array');
  return keyboard.map((row) => {
    if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" must be an Array of Arrays');
    return row.map(inlineButton);
  });
}

function inlineButton(raw: unknown): InlineButton {
  if (typeof raw !== 'object' || raw === null) throw badRequest('can\'t find field "text"');
  const b = raw as Record<string, unknown>;
  if (typeof b['text'] !== 'string' || b['text'] === '') throw badRequest('BUTTON_TEXT_INVALID');
  const data = b['callback_data'];
  const url = b['url'];
  if (data !== undefined) {
    if (typeof data !== 'string' || data === '' || Buffer.byteLength(data) > 64)
      throw badRequest('BUTTON_DATA_INVALID');
    return { text: b['text'], callback_data: data };
  }
  if (typeof url === 'string' && url !== '') return { text: b['text'], url };
  throw badRequest('BUTTON_TYPE_INVALID');
}

/** answerCallbackQuery: once per query, `text` at most 200 characters. */
export const answerCallbackQuery: MethodHandler = (state, params) => {
  const id = params.string('callback_query_id');
  const query = id ? state.callbackQueries.get(id) : undefined;
  if (!query || query.answered)
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  const text = params.string('text') ?? null;
  if (text !== null && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
  query.answered = { text, showAlert: params.boolean('show_alert') };
  return { result: true };
};

/** The callback_query a customer's press produces, if the message has a button with this data. */
export function callbackQueryFor(
  state: BotState,
  from: TelegramObject,
  chatId: number,
  messageId: number,
  data: string,
): TelegramObject {
  const message = state.chats.message(chatId, messageId);
  if (!message) throw new Error(`no message ${messageId} in chat ${chatId}`);
  const keyboard = (message['reply_markup'] as { inline_keyboard?: InlineButton[][] } | undefined)
    ?.inline_keyboard;
  if (!keyboard?.some((row) => row.some((b) => b.callback_data === data)))
    throw new Error(`message ${messageId} has no button with callback_data "${data}"`);
  const id = String(state.nextUpdateId() * 7919);
  state.callbackQueries.set(id, { id, chatId, messageId, data, answered: null });
  return { id, from, message, chat_instance: String(chatId), data };
}
