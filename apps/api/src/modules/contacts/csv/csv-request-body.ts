import type { Request } from 'express';
import { AppException } from '../../../core/http/app.exception';

const CSV_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
]);

/**
 * The request body as UTF-8 text, for a CSV upload (the JSON body parser leaves these bodies
 * alone). A declared or actual size over `maxBytes` is refused with 413 without reading on; a
 * body that is not CSV text with 415.
 */
export async function readCsvBody(req: Request, maxBytes: number): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_TYPES.has(type))
    throw new AppException('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv (UTF-8)');
  const tooLarge = () =>
    new AppException('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes / 1024 / 1024} MB`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume(); // discard the upload, so the client reads our answer
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  return text;
}
