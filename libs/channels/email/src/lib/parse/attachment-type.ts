/**
 * The declared Content-Type of an attachment is whatever the sender wrote. We store the type the
 * bytes prove (magic numbers) and refuse to pass on types a browser would execute.
 */
interface Signature {
  type: string;
  offset?: number;
  bytes: number[];
}

const SIGNATURES: Signature[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/bmp', bytes: [0x42, 0x4d] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'application/vnd.rar', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { type: 'application/x-msdownload', bytes: [0x4d, 0x5a] },
  { type: 'application/x-executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: 'application/x-ole-storage', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { type: 'audio/mpeg', bytes: [0x49, 0x44, 0x33] },
  { type: 'audio/ogg', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { type: 'video/mp4', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
];

function matches(buf: Buffer, sig: Signature): boolean {
  const offset = sig.offset ?? 0;
  if (buf.length < offset + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => buf[offset + i] === b);
}

/** The type the first bytes prove, or null for formats without a signature (plain text, CSV…). */
export function sniffContentType(content: Buffer): string | null {
  // RIFF containers share a prefix; the format is at offset 8.
  if (content.length >= 12 && content.toString('latin1', 0, 4) === 'RIFF') {
    const format = content.toString('latin1', 8, 12);
    if (format === 'WEBP') return 'image/webp';
    if (format === 'WAVE') return 'audio/wav';
    if (format === 'AVI ') return 'video/x-msvideo';
  }
  for (const sig of SIGNATURES) if (matches(content, sig)) return sig.type;
  return null;
}

/** Types a browser renders as active documents: never stored under their own name. */
const ACTIVE_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript|application\/ecmascript)/i;

/** Containers many office formats are built on: the declared subtype is more precise than ours. */
const CONTAINER_FAMILIES: Record<string, RegExp> = {
  'application/zip':
    /^application\/(zip|x-zip|vnd\.openxmlformats|vnd\.oasis|epub|java-archive|vnd\.android)/i,
  'application/x-ole-storage': /^application\/(msword|vnd\.ms-|x-msi|vnd\.visio)/i,
  'video/mp4': /^(video|audio|image)\/(mp4|quicktime|x-m4a|m4a|3gpp|heic|heif|avif|mp4a)/i,
};

export interface CheckedType {
  contentType: string;
  /** True when the declared type was replaced because the bytes say otherwise. */
  corrected: boolean;
}

export function checkAttachmentType(declared: string, content: Buffer): CheckedType {
  const declaredType = (declared.split(';')[0] || 'application/octet-stream').trim().toLowerCase();
  const sniffed = sniffContentType(content);

  if (sniffed) {
    if (sniffed === declaredType) return { contentType: declaredType, corrected: false };
    const family = CONTAINER_FAMILIES[sniffed];
    if (family?.test(declaredType)) return { contentType: declaredType, corrected: false };
    return { contentType: sniffed, corrected: true };
  }

  // No signature: a declared binary format whose bytes are not that format is a lie.
  if (/^(image|audio|video)\//.test(declaredType) || declaredType === 'application/pdf') {
    return { contentType: 'application/octet-stream', corrected: true };
  }
  if (ACTIVE_TYPES.test(declaredType))
    return { contentType: 'application/octet-stream', corrected: true };
  return { contentType: declaredType, corrected: false };
}
