import { randomInt } from 'node:crypto';
import type { FileInput } from './api-params';
import { badRequest } from './bot-api-error';
import type { BotState } from './bot-state';
import type { TelegramObject } from './chat-store';
import { fileFields, mediaObject, mimeTypeOf, photoSizes } from './media-objects';
import {
  botMessage,
  captionText,
  messageText,
  recordSent,
  replyTarget,
  sentFileOf,
  targetChat,
  textFields,
} from './outgoing-message';
import { inlineKeyboardOf } from './inline-keyboards';
import type { MethodHandler } from './update-methods';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

type MediaType = 'photo' | 'document' | 'video' | 'audio';
const MEDIA_TYPES = new Set<string>(['photo', 'document', 'video', 'audio']);

export const sendMessage: MethodHandler = (state, params) => {
  const chat = targetChat(state, params);
  const formatted = messageText(params);
  const reply = replyTarget(state, chat['id'] as number, params);
  const keyboard = inlineKeyboardOf(params);
  state.takeSendSlot(chat['id'] as number, Date.now());
  const content = textFields(formatted, 'text');
  if (keyboard) content['reply_markup'] = { inline_keyboard: keyboard };
  const message = botMessage(state, chat, content, reply);
  recordSent(state, 'sendMessage', message, { formatted, parseMode: params.string('parse_mode') });
  return { result: message };
};

function sendSingleMedia(method: string, type: 'photo' | 'document'): MethodHandler {
  return (state, params) => {
    const chat = targetChat(state, params);
    const input = params.file(type);
    if (!input) throw badRequest(`there is no ${type} in the request`);
    const parseMode = params.string('parse_mode');
    const caption = captionText(
      params.string('caption'),
      parseMode,
      params.json('caption_entities'),
    );
    const reply = replyTarget(state, chat['id'] as number, params);
    const media = storeMedia(state, type, input);
    state.takeSendSlot(chat['id'] as number, Date.now());
    const message = botMessage(
      state,
      chat,
      { [type]: media, ...textFields(caption, 'caption') },
      reply,
    );
    recordSent(state, method, message, {
      formatted: caption,
      parseMode,
      ...sentFileOf(type, input),
    });
    return { result: message };
  };
}

export const sendPhoto = sendSingleMedia('sendPhoto', 'photo');
export const sendDocument = sendSingleMedia('sendDocument', 'document');

export const sendMediaGroup: MethodHandler = (state, params) => {
  const chat = targetChat(state, params);
  const media = params.json('media');
  if (!Array.isArray(media)) throw badRequest("can't parse media JSON object");
  if (media.length < 2 || media.length > 10) {
    throw badRequest('media group must contain 2-10 items');
  }
  const items = media.map((item: unknown) => {
    const m = item as {
      type?: unknown;
      media?: unknown;
      caption?: unknown;
      parse_mode?: unknown;
      caption_entities?: unknown;
    };
    if (
      typeof m !== 'object' ||
      m === null ||
      typeof m.type !== 'string' ||
      !MEDIA_TYPES.has(m.type)
    ) {
      throw badRequest("can't parse InputMedia: unsupported media type");
    }
    if (typeof m.media !== 'string' || m.media === '')
      throw badRequest('there is no media in the request');
    const parseMode = typeof m.parse_mode === 'string' ? m.parse_mode : undefined;
    const caption = captionText(
      typeof m.caption === 'string' ? m.caption : undefined,
      parseMode,
      m.caption_entities,
    );
    return { type: m.type as MediaType, input: params.fileReference(m.media), caption, parseMode };
  });
  const documents = items.filter((item) => item.type === 'document').length;
  const audios = items.filter((item) => item.type === 'audio').length;
  if ((documents > 0 && documents < items.length) || (audios > 0 && audios < items.length)) {
    throw badRequest('documents and audio files can be only grouped with the same type');
  }
  const reply = replyTarget(state, chat['id'] as number, params);
  const stored = items.map((item) => ({
    ...item,
    media: storeMedia(state, item.type, item.input),
  }));
  state.takeSendSlot(chat['id'] as number, Date.now());
  const mediaGroupId =
    String(randomInt(1, 2 ** 47)) + String(randomInt(0, 10_000)).padStart(4, '0');
  const messages = stored.map((item) => {
    const content = {
      media_group_id: mediaGroupId,
      [item.type]: item.media,
      ...textFields(item.caption, 'caption'),
    };
    const message = botMessage(state, chat, content, reply);
    recordSent(state, 'sendMediaGroup', message, {
      formatted: item.caption,
      parseMode: item.parseMode,
      ...sentFileOf(item.type, item.input),
    });
    return message;
  });
  return { result: messages };
};

export const sendChatAction: MethodHandler = (state, params) => {
  const chat = targetChat(state, params);
  const action = params.string('action') ?? '';
  if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
  state.chatActions.push({ chatId: chat['id'] as number, action, at: Date.now() });
  return { result: true };
};

/** The message field for a file the bot sends: stored when uploaded, reused for a known file_id. */
function storeMedia(
  state: BotState,
  type: MediaType,
  input: FileInput,
): TelegramObject | TelegramObject[] {
  const upload = input.kind === 'upload' ? input.part : null;
  if (upload && upload.bytes.length === 0) throw badRequest('file must be non-empty');
  if (!upload && !/^https?:\/\//i.test(input.kind === 'reference' ? input.value : '')) {
    const known = state.files.get(input.kind === 'reference' ? input.value : '');
    if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
    return type === 'photo'
      ? [{ ...fileFields(known), width: 1280, height: 960 }]
      : { ...fileFields(known), file_name: known.path.slice(known.path.lastIndexOf('/') + 1) };
  }
  // A URL: real Telegram downloads it; the fake cannot, so it keeps an empty file in its place.
  const bytes = upload?.bytes ?? Buffer.alloc(0);
  const fileName = upload?.filename ?? urlFileName(input.kind === 'reference' ? input.value : '');
  if (type === 'photo') return photoSizes(state.files, bytes);
  const extra: Record<MediaType, Record<string, unknown>> = {
    photo: {},
    document: {},
    video: { width: 1280, height: 720, duration: 0 },
    audio: { duration: 0 },
  };
  return mediaObject(state.files, type, bytes, {
    ...extra[type],
    file_name: fileName,
    mime_type: mimeTypeOf(fileName),
  });
}

function urlFileName(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'file';
  } catch {
    return 'file';
  }
}
