import { badRequest } from './bot-api-error';
import type { BotState } from './bot-state';
import type { StoredFile } from './file-store';
import type { MethodHandler } from './update-methods';

export const getFile: MethodHandler = (state, params) => {
  const fileId = params.string('file_id') ?? '';
  if (fileId === '') throw badRequest('file_id is empty');
  const file = state.files.get(fileId);
  if (!file) throw badRequest('invalid file_id');
  if (file.size > state.limits.maxDownloadBytes) throw badRequest('file is too big');
  return {
    result: {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.size,
      file_path: file.path,
    },
  };
};

/** The file behind /file/bot<token>/<file_path>, if it may be downloaded. */
export function downloadableFile(state: BotState, path: string): StoredFile | null {
  const file = state.files.atPath(path);
  if (!file || file.size > state.limits.maxDownloadBytes) return null;
  return file;
}
