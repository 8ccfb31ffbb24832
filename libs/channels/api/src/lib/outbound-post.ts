import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { assertAllowedAddress, guardedLookup } from '@switchboard/channels-core';

/** Enough for any JSON acknowledgement; a larger answer is cut off (we only read its id). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The first 64 KiB of the body, as text. */
  body: string;
}

/**
 * POSTs one JSON body to an integrator's endpoint. Unlike fetch it connects only to an address
 * the outbound network policy allows (checked on the very connection, so DNS rebinding cannot
 * slip past the check made when the URL was saved), never follows a redirect elsewhere, and
 * reads a bounded answer.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return reject(new Error(`unsupported URL scheme ${target.protocol}`));
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    try {
      if (isIP(host)) assertAllowedAddress(target.hostname, host);
    } catch (err) {
      return reject(err);
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size >= MAX_ANSWER_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_ANSWER_BYTES) res.destroy();
        });
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
