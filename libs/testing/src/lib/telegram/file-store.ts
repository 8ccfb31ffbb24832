import { randomBytes } from 'node:crypto';

export type FileKind =
  'photo' | 'document' | 'voice' | 'audio' | 'video' | 'video_note' | 'sticker' | 'animation';

/** A file Telegram keeps for a bot: what getFile describes and /file/bot<token>/<path> serves. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  bytes: Buffer;
  /** The size Telegram reports: the real size, or the one a test announced. */
  size: number;
  path: string;
}

const FOLDERS: Record<FileKind, { folder: string; extension: string }> = {
  photo: { folder: 'photos', extension: 'jpg' },
  document: { folder: 'documents', extension: 'dat' },
  voice: { folder: 'voice', extension: 'oga' },
  audio: { folder: 'music', extension: 'mp3' },
  video: { folder: 'videos', extension: 'mp4' },
  video_note: { folder: 'video_notes', extension: 'mp4' },
  sticker: { folder: 'stickers', extension: 'webp' },
  animation: { folder: 'animations', extension: 'mp4' },
};

/** Files of one bot (file_ids are per bot in Telegram too). */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private sequence = 0;

  add(
    kind: FileKind,
    bytes: Buffer,
    options: { announcedSize?: number; fileName?: string } = {},
  ): StoredFile {
    const { folder, extension } = FOLDERS[kind];
    const fromName = options.fileName ? extensionOf(options.fileName) : null;
    const file: StoredFile = {
      // Shaped like Telegram's: long opaque base64url ids, a short unique id.
      fileId: `${kind === 'photo' ? 'AgAC' : 'BQAC'}${randomBytes(36).toString('base64url')}`,
      fileUniqueId: `AQAD${randomBytes(9).toString('base64url')}`,
      bytes,
      size: options.announcedSize ?? bytes.length,
      path: `${folder}/file_${this.sequence++}.${fromName ?? extension}`,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }
}

/** A short alphanumeric extension of a file name, or null. */
function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(extension) ? extension : null;
}
