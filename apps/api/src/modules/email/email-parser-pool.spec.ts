import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  emailSettingsSchema,
  readRawEmail,
  type ParseContext,
  type RawEmail,
} from '@switchboard/channels-email';
import {
  EmailParserPool,
  EmailParserUnavailableError,
  type EmailParserPoolOptions,
} from './email-parser-pool';
import { emailParseWorkerEntry, type WorkerEntry } from './email-parse-worker-entry';
import { heavyMail } from './testing/heavy-mail';

// Real worker threads: each loads the parser (through ts-node when run from source) before work.
jest.setTimeout(120_000);

const ctx: ParseContext = {
  inboxId: 'inbox-1',
  settings: emailSettingsSchema.parse({
    fromAddress: 'support@example.test',
    imap: { host: '127.0.0.1', port: 143, security: 'none', user: 'support' },
    smtp: { host: '127.0.0.1', port: 25, security: 'none', user: 'support' },
  }),
};

const mail = (lines: string[]): RawEmail => ({
  source: Buffer.from([...lines, ''].join('\r\n')),
  uid: 7,
  receivedAt: new Date('2024-05-01T10:00:00Z'),
});

const withAttachment = mail([
  'From: Jane <jane@customer.example>',
  'To: support@example.test',
  'Subject: Photo',
  'Message-ID: <photo@customer.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary=b',
  '',
  '--b',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Here it is.',
  '--b',
  'Content-Type: image/png; name=p.png',
  'Content-Transfer-Encoding: base64',
  'Content-Disposition: attachment; filename=p.png',
  '',
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64'),
  '--b--',
]);

/** A worker written for one test: it speaks the pool's protocol and misbehaves on purpose. */
const scripted = (body: string): WorkerEntry => ({
  filename: `const { parentPort } = require('node:worker_threads');\n${body}`,
  options: { eval: true },
});

describe('EmailParserPool', () => {
  const pools: EmailParserPool[] = [];
  const pool = (options: Partial<EmailParserPoolOptions> = {}) => {
    const p = new EmailParserPool({
      size: 1,
      timeoutMs: 30_000,
      entry: emailParseWorkerEntry(),
      ...options,
    });
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('parses in a worker thread exactly what the parser gives in-process, attachments as Buffers', async () => {
    const p = pool();
    expect(p.liveWorkers).toBe(0); // started lazily
    const outcome = await p.parse(withAttachment, ctx);
    expect(outcome).toEqual({ kind: 'parsed', ...(await readRawEmail(withAttachment, ctx)) });
    if (outcome.kind !== 'parsed' || outcome.events[0].type !== 'message') throw new Error();
    // Made in this realm (a jest sandbox is another one): what the pipeline's schema checks need.
    const [file] = outcome.events[0].attachments ?? [];
    expect(file && 'content' in file && Buffer.isBuffer(file.content)).toBe(true);
    expect(outcome.events[0].sentAt).toBeInstanceOf(Date);
    expect(p.liveWorkers).toBe(1);
  });

  it('passes a refusal on as such (the mail is unusable, not the parser)', async () => {
    const outcome = await pool().parse(mail(['Subject: nobody', '', 'text']), ctx);
    expect(outcome).toEqual({
      kind: 'refused',
      reason: 'message has no sender address (From, Sender or Return-Path)',
    });
  });

  it('terminates a worker that runs past the budget, answers `unparsed`, and parses the next mail in a fresh one', async () => {
    const p = pool({ timeoutMs: 250 });
    await p.parse(withAttachment, ctx); // the worker is up and warm
    const started = Date.now();
    const outcome = await p.parse(heavyMail(), ctx);
    expect(outcome).toEqual({
      kind: 'unparsed',
      reason: 'parsing took longer than 250 ms',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(p.liveWorkers).toBe(0);
    expect((await p.parse(withAttachment, ctx)).kind).toBe('parsed');
    expect(p.liveWorkers).toBe(1);
  });

  it('keeps a parse that finished in time while this thread was stalled past the budget', async () => {
    // The worker raises a flag once it has answered; this thread then stays busy past the budget,
    // so the timer and the answer are both due when the loop runs again.
    const answered = new Int32Array(new SharedArrayBuffer(4));
    const p = pool({
      timeoutMs: 100,
      entry: {
        filename: `const { parentPort, workerData } = require('node:worker_threads');
          parentPort.postMessage({ type: 'ready' });
          parentPort.on('message', (req) => {
            parentPort.postMessage({ type: 'parsed', id: req.id, events: [], notes: [] });
            if (req.raw.uid === 8) { Atomics.store(workerData, 0, 1); Atomics.notify(workerData, 0); }
          });`,
        options: { eval: true, workerData: answered },
      },
    });
    await p.parse(withAttachment, ctx); // the worker is up
    // Leave the worker's message callback first: within it, a port drains answers that arrive.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    const pending = p.parse({ ...withAttachment, uid: 8 }, ctx);
    for (let i = 0; i < 20; i++) await Promise.resolve(); // the request is posted; no loop turn yet
    expect(Atomics.wait(answered, 0, 0, 5_000)).not.toBe('timed-out');
    while (performance.now() - started < 300) {
      // a stall: a large copy or a GC pause on the API's thread
    }
    expect(await pending).toEqual({ kind: 'parsed', events: [], notes: [] });
    expect(p.liveWorkers).toBe(1);
  });

  it('answers `unparsed` when a worker dies under a message, and keeps serving', async () => {
    const p = pool({
      entry: scripted(`
        parentPort.postMessage({ type: 'ready' });
        parentPort.on('message', (req) => {
          if (req.raw.uid === 666) process.exit(3);
          parentPort.postMessage({ type: 'parsed', id: req.id, events: [], notes: [] });
        });`),
    });
    expect(await p.parse({ ...withAttachment, uid: 666 }, ctx)).toEqual({
      kind: 'unparsed',
      reason: 'the parser crashed: worker exited with code 3',
    });
    expect(await p.parse(withAttachment, ctx)).toEqual({ kind: 'parsed', events: [], notes: [] });
  });

  it('runs at most `size` workers and queues the rest', async () => {
    const p = pool({
      size: 2,
      entry: scripted(`
        parentPort.postMessage({ type: 'ready' });
        parentPort.on('message', (req) =>
          setTimeout(() => parentPort.postMessage({ type: 'parsed', id: req.id, events: [], notes: [] }), 50));`),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => p.parse(withAttachment, ctx)),
    );
    expect(outcomes).toEqual(Array(6).fill({ kind: 'parsed', events: [], notes: [] }));
    expect(p.liveWorkers).toBe(2);
  });

  it('fails the waiting messages with EmailParserUnavailableError when no worker can start', async () => {
    const p = pool({ entry: scripted(`throw new Error('broken install');`) });
    await expect(p.parse(withAttachment, ctx)).rejects.toThrow(EmailParserUnavailableError);
  });

  it('after close, no worker is left and new work is refused', async () => {
    const p = pool({
      entry: scripted(`
        parentPort.postMessage({ type: 'ready' });
        parentPort.on('message', () => undefined);`),
    });
    const pending = expect(p.parse(withAttachment, ctx)).rejects.toThrow(
      EmailParserUnavailableError,
    );
    await new Promise((r) => setTimeout(r, 200));
    await p.close();
    await pending;
    await expect(p.parse(withAttachment, ctx)).rejects.toThrow(EmailParserUnavailableError);
    expect(p.liveWorkers).toBe(0);
  });
});

describe('emailParseWorkerEntry', () => {
  it('from source: a bootstrap that loads the TypeScript worker beside this module', () => {
    expect(emailParseWorkerEntry()).toEqual({
      filename: join(__dirname, 'typescript-worker-bootstrap.cjs'),
      options: {
        workerData: {
          root: join(__dirname, '../../../../..'),
          entry: join(__dirname, 'email-parse.worker.ts'),
        },
      },
    });
  });

  it('in a build: the bundled worker emitted beside main.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-bundle-'));
    try {
      writeFileSync(join(dir, 'main.js'), '');
      writeFileSync(join(dir, 'email-parse.worker.js'), '');
      expect(emailParseWorkerEntry(dir)).toEqual({
        filename: join(dir, 'email-parse.worker.js'),
        options: {},
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
