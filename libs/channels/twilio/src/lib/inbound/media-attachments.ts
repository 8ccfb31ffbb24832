import { createHash } from 'node:crypto';
import { ChannelInputError, type InboundRemoteFile } from '@switchboard/channels-core';
import { parseUrl } from '../twilio-origin';
import { twilioMediaParamsSchema } from './twilio-webhook.schema';

/** MMS carries up to 10 files; WhatsApp one. More is not a message Twilio sends. */
export const MAX_INBOUND_MEDIA = 10;

const MEDIA_SID = /^ME[0-9a-fA-F]{32}$/;

/**
 * The files of an inbound message (`MediaUrl{N}`, `MediaContentType{N}`), announced as remote:
 * the core stores the message at once and fetches the bytes through `fetchAttachment(url)`.
 */
export function mediaAttachments(
  params: Record<string, string>,
  count: number,
): InboundRemoteFile[] {
  if (count > MAX_INBOUND_MEDIA)
    throw new ChannelInputError(
      `NumMedia ${count} is more than Twilio sends (${MAX_INBOUND_MEDIA})`,
    );
  const files: InboundRemoteFile[] = [];
  for (let n = 0; n < count; n++) {
    const parsed = twilioMediaParamsSchema.safeParse({
      url: params[`MediaUrl${n}`],
      contentType: params[`MediaContentType${n}`],
    });
    if (!parsed.success)
      throw new ChannelInputError(`MediaUrl${n} is missing or not usable`, { cause: parsed.error });
    const url = parseUrl(parsed.data.url);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new ChannelInputError(`MediaUrl${n} is not an http(s) URL`);
    const contentType = mediaType(parsed.data.contentType);
    files.push({
      filename: `media-${n + 1}.${extensionFor(contentType)}`,
      contentType,
      remote: { ref: parsed.data.url, uniqueId: mediaIdOf(url), size: null },
    });
  }
  return files;
}

/** The ME… sid that ends a Twilio media URL; a hash of the URL for anything else (still stable). */
export function mediaIdOf(url: URL): string {
  const path = url.pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (MEDIA_SID.test(last)) return last;
  return `url-${createHash('sha256').update(url.href).digest('hex').slice(0, 40)}`;
}

/** A bare `type/subtype`, lower case; anything unusable becomes application/octet-stream. */
export function mediaType(value: string | undefined): string {
  const semicolon = value?.indexOf(';') ?? -1;
  const bare = (semicolon === -1 ? value : value?.slice(0, semicolon))?.trim().toLowerCase();
  return bare && MIME_TYPE.test(bare) ? bare : 'application/octet-stream';
}

/** One `/` between two runs of disjoint token characters: linear, no backtracking. */
const MIME_TYPE = /^[a-z0-9!#$&^_.+-]{1,100}\/[a-z0-9!#$&^_.+-]{1,100}$/;

const EXTENSIONS = new Map<string, string>(
  Object.entries({
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/gif': 'gif',
    'image/webp': 'webp',
    'image/heic': 'heic',
    'audio/ogg': 'ogg',
    'audio/mpeg': 'mp3',
    'audio/mp4': 'm4a',
    'audio/aac': 'aac',
    'audio/amr': 'amr',
    'video/mp4': 'mp4',
    'video/3gpp': '3gp',
    'video/quicktime': 'mov',
    'application/pdf': 'pdf',
    'application/msword': 'doc',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/vnd.ms-excel': 'xls',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
    'application/vnd.ms-powerpoint': 'ppt',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
    'application/zip': 'zip',
    'text/plain': 'txt',
    'text/csv': 'csv',
    'text/vcard': 'vcf',
    'text/x-vcard': 'vcf',
    'text/calendar': 'ics',
  }),
);

export function extensionFor(contentType: string): string {
  return EXTENSIONS.get(contentType) ?? 'bin';
}
