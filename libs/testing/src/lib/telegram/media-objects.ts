import type { TelegramObject } from './chat-store';
import type { FakeChatOrUser, FakeTelegramUser } from './fake-bot-types';
import type { FileKind, FileStore, StoredFile } from './file-store';

/** Drops undefined fields, as Telegram omits absent optional fields. */
export function compact(object: Record<string, unknown>): TelegramObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

export function userObject(user: FakeTelegramUser): TelegramObject {
  return compact({
    id: user.id,
    is_bot: user.is_bot ?? false,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
    language_code: user.language_code,
  });
}

/** A chat as in `message.chat`; a user stands for the private chat with them. */
export function chatObject(chat: FakeChatOrUser): TelegramObject {
  if ('type' in chat) {
    return compact({
      id: chat.id,
      type: chat.type,
      title: chat.title,
      first_name: chat.first_name,
      username: chat.username,
    });
  }
  return compact({
    id: chat.id,
    type: 'private',
    first_name: chat.first_name,
    last_name: chat.last_name,
    username: chat.username,
  });
}

export function fileFields(file: StoredFile): TelegramObject {
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size };
}

/**
 * A photo as Telegram delivers it: three PhotoSize, small to large. Only the largest holds the
 * real bytes; the smaller ones get their own few bytes and always a smaller file_size.
 */
export function photoSizes(
  files: FileStore,
  bytes: Buffer,
  announcedSize?: number,
): TelegramObject[] {
  const size = announcedSize ?? bytes.length;
  const thumbnail = (length: number, width: number, height: number): TelegramObject => ({
    ...fileFields(files.add('photo', Buffer.alloc(length, width % 251))),
    width,
    height,
  });
  return [
    thumbnail(Math.min(Math.floor(size / 16), 1024), 90, 67),
    thumbnail(Math.min(Math.floor(size / 4), 4096), 320, 240),
    { ...fileFields(files.add('photo', bytes, { announcedSize })), width: 1280, height: 960 },
  ];
}

/** A stored file plus its kind's own fields (document, voice, audio, video, video_note, sticker). */
export function mediaObject(
  files: FileStore,
  kind: Exclude<FileKind, 'photo'>,
  bytes: Buffer,
  fields: Record<string, unknown>,
  announcedSize?: number,
): TelegramObject {
  const fileName = typeof fields['file_name'] === 'string' ? fields['file_name'] : undefined;
  const file = files.add(kind, bytes, { announcedSize, fileName });
  return compact({ ...fields, ...fileFields(file) });
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  mp4: 'video/mp4',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Telegram works out a document's MIME type from its name (grammY always sends octet-stream). */
export function mimeTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}
