import {
  ChannelError,
  type FetchAttachmentResult,
  readCappedBody,
} from '@switchboard/channels-core';
import { GrammyError, type Api } from 'grammy';
import { AUTH_FAILED_MESSAGE, channelErrorFrom, scrubToken } from '../telegram-errors';

/** Bots may download files up to 20 MB (https://core.telegram.org/bots/api#getfile). */
export const TELEGRAM_MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export const TOO_LARGE_MESSAGE =
  'File too large to fetch from Telegram (bots may download files up to 20 MB)';

const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * Fetches a file the customer sent: getFile for its path, then the bytes from
 * `<apiRoot>/file/bot<token>/<path>`, refusing anything over the download limit while it streams
 * (a size Telegram announced is a claim, not a promise). Never throws.
 */
export async function downloadTelegramFile(
  api: Api,
  apiRoot: string,
  token: string,
  fileId: string,
  maxBytes = TELEGRAM_MAX_DOWNLOAD_BYTES,
): Promise<FetchAttachmentResult> {
  let filePath: string | undefined;
  try {
    filePath = (await api.getFile(fileId)).file_path;
  } catch (error) {
    if (
      error instanceof GrammyError &&
      error.error_code === 400 &&
      error.description.toLowerCase().includes('file is too big')
    )
      return { ok: false, error: new ChannelError('TOO_LARGE', TOO_LARGE_MESSAGE) };
    return { ok: false, error: channelErrorFrom(error, { token, delivers: false }) };
  }
  if (!filePath || filePath.includes('..') || filePath.includes('?') || filePath.includes('#'))
    return unavailable('Telegram gave no usable path for the file');
  try {
    return await fetchCapped(`${apiRoot}/file/bot${token}/${filePath}`, filePath, maxBytes);
  } catch (error) {
    const message = error instanceof Error ? `${error.message} ${causeOf(error)}` : String(error);
    return unavailable(`Could not download the file from Telegram: ${scrubToken(message, token)}`);
  }
}

async function fetchCapped(
  url: string,
  filePath: string,
  maxBytes: number,
): Promise<FetchAttachmentResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'manual' });
    if (res.status === 401)
      return { ok: false, error: new ChannelError('AUTH_FAILED', AUTH_FAILED_MESSAGE) };
    if (res.status !== 200) {
      void res.body?.cancel();
      return unavailable(`Telegram answered ${res.status} to the file download`);
    }
    const content = await readCappedBody(res, maxBytes, controller);
    if (content === 'too-large')
      return { ok: false, error: new ChannelError('TOO_LARGE', TOO_LARGE_MESSAGE) };
    const contentType = contentTypeOf(filePath);
    return { ok: true, content, ...(contentType ? { contentType } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

const TYPES_BY_EXTENSION = new Map<string, string>(
  Object.entries({
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    webp: 'image/webp',
    pdf: 'application/pdf',
    oga: 'audio/ogg',
    ogg: 'audio/ogg',
    mp3: 'audio/mpeg',
    m4a: 'audio/mp4',
    mp4: 'video/mp4',
    mov: 'video/quicktime',
    webm: 'video/webm',
    tgs: 'application/x-tgsticker',
    txt: 'text/plain',
    zip: 'application/zip',
  }),
);

/** The type Telegram's file path implies, when it implies one (`photos/file_7.jpg`). */
export function contentTypeOf(filePath: string): string | undefined {
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return TYPES_BY_EXTENSION.get(name.slice(dot + 1).toLowerCase());
}

function unavailable(message: string): FetchAttachmentResult {
  return { ok: false, error: new ChannelError('UNAVAILABLE', message) };
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  return cause ? String(cause.code ?? cause.message ?? '') : '';
}
