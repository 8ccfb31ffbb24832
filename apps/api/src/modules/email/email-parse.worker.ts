// Entry of an email parse worker thread (see email-parser-pool.ts): parses one raw message at a
// time with the email adapter's parser and posts the events back. The pool times every request
// and terminates a worker that runs past its budget, so nothing here needs a timeout. The core's
// own HTML sanitizing runs here too, so the API's thread never spends time on a large mail's HTML
// (EmailIngestService hands the events to the pipeline as sanitized).
import { parentPort } from 'node:worker_threads';
import { ChannelInputError, type InboundEvent } from '@switchboard/channels-core';
import {
  emailSettingsSchema,
  readEmailKeepingText,
  type RawEmail,
} from '@switchboard/channels-email';
import { sanitizeEmailHtml } from '../messages/html-sanitizer';
import type { EmailParseReply, EmailParseRequest } from './email-parse-protocol';

const port = parentPort;
if (!port) throw new Error('email-parse.worker must run as a worker thread');

const reply = (message: EmailParseReply) => port.postMessage(message);

port.on('message', (request: EmailParseRequest) => {
  const raw: RawEmail = { ...request.raw, source: asBuffer(request.raw.source) };
  readEmailKeepingText(raw, request.ctx)
    .then(({ events, notes }) => ({ events: events.map(withCoreSanitizedHtml), notes }))
    .then(
      ({ events, notes }) => reply({ type: 'parsed', id: request.id, events, notes }),
      (err: unknown) =>
        reply({
          type: 'failed',
          id: request.id,
          refused: err instanceof ChannelInputError,
          message: err instanceof Error ? err.message : String(err),
        }),
    );
});

// The first parse loads mailparser's and the sanitizer's lazy parts; do it before taking work, so
// no customer's message is charged for it against its time budget.
void warmUp().finally(() => reply({ type: 'ready' }));

async function warmUp(): Promise<void> {
  const source = Buffer.from(
    'From: Warm Up <warm@up.invalid>\r\nTo: inbox@up.invalid\r\nSubject: Re: warm-up\r\n' +
      'Message-ID: <warm@up.invalid>\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n' +
      'Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n\r\nOn Monday, Jane wrote:\r\n> hi\r\n' +
      '--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p><blockquote>hi</blockquote>\r\n--b--\r\n' +
      // An attachment too: its decoding and hashing paths are lazy as well.
      '--m\r\nContent-Type: text/plain; name="w.txt"\r\nContent-Disposition: attachment; filename="w.txt"\r\n' +
      'Content-Transfer-Encoding: base64\r\n\r\nd2FybQ==\r\n--m--\r\n',
  );
  const settings = emailSettingsSchema.parse({
    fromAddress: 'inbox@up.invalid',
    imap: { host: 'localhost', port: 143, security: 'none', user: 'warm' },
    smtp: { host: 'localhost', port: 25, security: 'none', user: 'warm' },
  });
  const warm = await readEmailKeepingText({ source }, { inboxId: 'warm-up', settings }).catch(
    () => null,
  );
  warm?.events.map(withCoreSanitizedHtml);
}

/** What the pipeline would do to the HTML before storing it, done here instead. */
function withCoreSanitizedHtml(event: InboundEvent): InboundEvent {
  return event.type === 'message' && event.html
    ? { ...event, html: sanitizeEmailHtml(event.html) }
    : event;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
