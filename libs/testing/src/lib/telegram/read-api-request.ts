import type { IncomingMessage } from 'node:http';
import { BotApiError, badRequest } from './bot-api-error';
import {
  MalformedFormError,
  multipartBoundary,
  parseMultipart,
  type UploadedPart,
} from './multipart-form';

/** A Bot API call's parameters, wherever they came from (query string, JSON, form, multipart). */
export interface ApiRequestPayload {
  fields: Record<string, unknown>;
  files: Map<string, UploadedPart>;
}

/** Telegram takes uploads of up to 50 MB from bots; leave room for the other fields. */
export const MAX_REQUEST_BYTES = 52 * 1024 * 1024;

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) throw new BotApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Merges query parameters and the body, as Telegram accepts either (the body wins). */
export function decodeApiRequest(
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): ApiRequestPayload {
  const fields: Record<string, unknown> = Object.fromEntries(query.entries());
  const files = new Map<string, UploadedPart>();
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (body.length === 0) return { fields, files };

  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest("can't parse JSON object");
    }
    Object.assign(fields, parsed);
  } else if (type === 'application/x-www-form-urlencoded') {
    Object.assign(fields, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  } else if (type === 'multipart/form-data') {
    const boundary = multipartBoundary(contentType ?? '');
    if (!boundary) throw badRequest("can't parse multipart/form-data: no boundary");
    try {
      const form = parseMultipart(body, boundary);
      Object.assign(fields, form.fields);
      for (const [name, part] of form.files) files.set(name, part);
    } catch (error) {
      if (error instanceof MalformedFormError) {
        throw badRequest(`can't parse multipart/form-data: ${error.message}`);
      }
      throw error;
    }
  }
  return { fields, files };
}
