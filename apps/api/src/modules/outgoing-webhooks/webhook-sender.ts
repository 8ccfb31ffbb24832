import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { assertAllowedAddress, guardedLookup } from '@switchboard/channels-core';

/** The endpoint has this long to answer; then the attempt counts as failed and is retried. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** We keep at most this much of an answer (shown in the log as the reason of a failure). */
const MAX_ANSWER_BYTES = 4 * 1024;

export type SendOutcome =
  | { kind: 'answered'; status: number; body: string; durationMs: number }
  /** No HTTP answer: refused connection, timeout, DNS, TLS, a private address. */
  | { kind: 'error'; message: string; privateTarget: boolean; durationMs: number };

/**
 * POSTs one signed body. Connects only where the outbound network policy allows, checked on the
 * connection itself (`guardedLookup`: DNS rebinding cannot slip past the check made on save),
 * follows no redirect (a 3xx is just a failed answer), and reads at most 4 KB of the answer.
 * Everything is asynchronous I/O: nothing here holds the event loop.
 */
export function postWebhook(
  url: string,
  rawBody: string,
  headers: Record<string, string>,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<SendOutcome> {
  const started = Date.now();
  const failed = (err: unknown): SendOutcome => ({
    kind: 'error',
    message: (err as Error).message || String(err),
    privateTarget: (err as { code?: unknown }).code === 'EPRIVATETARGET',
    durationMs: Date.now() - started,
  });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
      const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
      if (isIP(host)) assertAllowedAddress(target.hostname, host);
    } catch (err) {
      return resolve(failed(err));
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(rawBody)),
          'user-agent': 'Switchboard-Webhooks/1',
        },
        lookup: guardedLookup(),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const done = () => {
          if (settled) return;
          settled = true;
          resolve({
            kind: 'answered',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
            durationMs: Date.now() - started,
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (size >= MAX_ANSWER_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          // Enough read: the rest of a large answer is not downloaded.
          if (size >= MAX_ANSWER_BYTES) {
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.on('error', (err) => resolve(failed(timedOut(err, timeoutMs))));
    req.end(rawBody);
  });
}

function timedOut(err: Error, timeoutMs: number): Error {
  return err.name === 'TimeoutError' || err.name === 'AbortError'
    ? new Error(`No answer within ${timeoutMs / 1000} s`)
    : err;
}
