/** What visitors and operators may exchange in the web chat: images and PDF, nothing executable. */
export const WEBCHAT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const WEBCHAT_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export type WebchatAttachmentType = (typeof WEBCHAT_ATTACHMENT_TYPES)[number];

/**
 * The type the bytes really are, from their magic numbers. The declared Content-Type of an upload is
 * a claim; an HTML file renamed to .png must not get through.
 */
export function sniffAttachmentType(content: Buffer): WebchatAttachmentType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (
    content
      .subarray(0, 6)
      .toString('latin1')
      .match(/^GIF8[79]a$/)
  )
    return 'image/gif';
  if (
    content.subarray(0, 4).toString('latin1') === 'RIFF' &&
    content.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export type AttachmentCheck =
  | { ok: true; contentType: WebchatAttachmentType }
  | { ok: false; reason: 'too_large' | 'empty' | 'type_not_allowed' };

export function checkAttachment(content: Buffer): AttachmentCheck {
  if (content.length === 0) return { ok: false, reason: 'empty' };
  if (content.length > WEBCHAT_MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'too_large' };
  const contentType = sniffAttachmentType(content);
  return contentType ? { ok: true, contentType } : { ok: false, reason: 'type_not_allowed' };
}
