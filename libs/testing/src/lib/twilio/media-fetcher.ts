import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FakeTwilioFetchedMedia } from './fake-twilio-types';

const MAX_REDIRECTS = 10;
/** Twilio takes up to 5 MB per MMS and 16 MB per WhatsApp media file; keep a margin. */
const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/**
 * Downloads a MediaUrl as Twilio does after Messages.create: a plain GET without credentials,
 * following redirects. Null when no answer came (network error, timeout, too many redirects).
 */
export async function fetchMedia(
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<FakeTwilioFetchedMedia | null> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await getOnce(current, timeoutMs, signal);
    if (!answer) return null;
    const location = answer.res.headers.location;
    if (answer.res.statusCode && answer.res.statusCode >= 300 && answer.res.statusCode < 400) {
      if (!location) return null;
      current = new URL(location, current).toString();
      continue;
    }
    return {
      status: answer.res.statusCode ?? 0,
      contentType: answer.res.headers['content-type'] ?? null,
      bytes: answer.bytes,
    };
  }
  return null;
}

function getOnce(
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ res: IncomingMessage; bytes: Buffer } | null> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(null);
      return;
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      resolve(null);
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (value: { res: IncomingMessage; bytes: Buffer } | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const req = send(target, {
      method: 'GET',
      signal,
      headers: { 'user-agent': 'TwilioProxy/1.1' },
    });
    const timer = setTimeout(() => {
      finish(null);
      req.destroy();
    }, timeoutMs);
    req.on('error', () => finish(null));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > MAX_MEDIA_BYTES) {
          finish(null);
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', () => finish(null));
      res.on('end', () => finish({ res, bytes: Buffer.concat(chunks) }));
    });
    req.end();
  });
}
