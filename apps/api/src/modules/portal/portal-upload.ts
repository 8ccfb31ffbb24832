import { verifiedContentType } from '../../core/storage/content-type-sniffer';

/** The portal's upload ceiling (multer stops reading past it). */
export const PORTAL_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** What a customer may attach: pictures, PDFs, plain text and office documents (zip containers). */
const ALLOWED = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
]);

/** Multer's in-memory upload, as far as we read it. */
export interface PortalUpload {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * The file as the pipeline should store it, or null when it is refused: empty, too large, or of
 * a type we do not take (judged by its bytes where they tell, so a page named .png is refused).
 */
export function acceptedUpload(
  file: PortalUpload,
): { filename: string; contentType: string; content: Buffer } | null {
  if (file.size === 0 || file.size > PORTAL_MAX_UPLOAD_BYTES) return null;
  const type = verifiedContentType(file.mimetype || 'application/octet-stream', file.buffer);
  if (!ALLOWED.has(type)) return null;
  return { filename: file.originalname || 'attachment', contentType: type, content: file.buffer };
}
