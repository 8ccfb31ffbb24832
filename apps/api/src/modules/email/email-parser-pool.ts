import { Worker, type ResourceLimits } from 'node:worker_threads';
import { isRemoteAttachment, type InboundEvent } from '@switchboard/channels-core';
import type { EmailReadingNote, ParseContext, RawEmail } from '@switchboard/channels-email';
import type { EmailParseReply, EmailParseRequest } from './email-parse-protocol';
import type { WorkerEntry } from './email-parse-worker-entry';
import { copyToShared, isShared } from './shared-bytes';

export type EmailParseOutcome =
  | { kind: 'parsed'; events: InboundEvent[]; notes: EmailReadingNote[] }
  /** The parser refused the mail (ChannelInputError): log it, never retry. */
  | { kind: 'refused'; reason: string }
  /** The parse ran past its budget, took its worker down or failed: store the mail as plain text. */
  | { kind: 'unparsed'; reason: string };

/** No worker could be started (or the pool is shut down): the mail is fine, try it again later. */
export class EmailParserUnavailableError extends Error {
  override name = 'EmailParserUnavailableError';
}

export interface EmailParserPoolOptions {
  /** Worker threads at most; they are started when work arrives, not before. */
  size: number;
  /** Time one message may take in a worker before the worker is terminated. */
  timeoutMs: number;
  entry: WorkerEntry;
  /** Time a new worker may take to load and warm up. */
  startTimeoutMs?: number;
  /** A worker that runs out of heap dies alone (ERR_WORKER_OUT_OF_MEMORY), not the API. */
  resourceLimits?: ResourceLimits;
}

interface Job {
  raw: RawEmail;
  ctx: ParseContext;
  resolve: (outcome: EmailParseOutcome) => void;
  reject: (err: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  current: { id: number; job: Job; timer: NodeJS.Timeout } | null;
}

/**
 * Email parsing off the API's thread. A crafted message can make a parser spin (a regular
 * expression that backtracks, a third-party parser with a quadratic corner); on the main thread that
 * would stop every account's sockets, webhooks and sweepers. Here it costs one worker for at most
 * `timeoutMs`: then the worker is terminated, the caller hears `over-budget`, and the next message
 * gets a fresh worker. A small fixed number of workers, started lazily, each parsing one message
 * at a time; requests beyond that wait their turn (the budget starts when a worker takes one).
 */
export class EmailParserPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly idle: PoolWorker[] = [];
  private readonly waiting: Job[] = [];
  private starting = 0;
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: EmailParserPoolOptions) {}

  /** Workers alive right now (started and not terminated). */
  get liveWorkers(): number {
    return this.workers.size;
  }

  async parse(raw: RawEmail, ctx: ParseContext): Promise<EmailParseOutcome> {
    const shutDown = () => new EmailParserUnavailableError('the email parser is shut down');
    if (this.closed) throw shutDown();
    // Shared bytes reach the worker without a copy; a plain Buffer would be cloned in one piece,
    // on this thread, in postMessage (about 30 ms for a 10 MB mail).
    const source = isShared(raw.source) ? raw.source : await copyToShared([raw.source]);
    if (this.closed) throw shutDown();
    return new Promise((resolve, reject) => {
      this.waiting.push({ raw: { ...raw, source }, ctx, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new EmailParserUnavailableError('the email parser is shut down');
    for (const job of this.waiting.splice(0)) job.reject(stopped);
    const workers = [...this.workers];
    this.workers.clear();
    this.idle.length = 0;
    for (const w of workers) {
      if (w.current) {
        clearTimeout(w.current.timer);
        w.current.job.reject(stopped);
        w.current = null;
      }
    }
    await Promise.all(workers.map((w) => w.worker.terminate().catch(() => undefined)));
  }

  /** Nest calls this when the application shuts down. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.idle.length > 0) {
      this.run(this.idle.pop() as PoolWorker, this.waiting.shift() as Job);
    }
    const wanted = Math.min(
      this.waiting.length,
      this.options.size - this.workers.size - this.starting,
    );
    for (let i = 0; i < wanted; i++) this.start();
  }

  private start(): void {
    this.starting++;
    const worker = new Worker(this.options.entry.filename, {
      ...this.options.entry.options,
      resourceLimits: this.options.resourceLimits ?? { maxOldGenerationSizeMb: 1024 },
    });
    // A worker never keeps the process alive: shutdown and test runs end without waiting on it.
    worker.unref();
    const pooled: PoolWorker = { worker, current: null };
    let ready = false;
    const startTimer = setTimeout(
      () => failStart(new Error('did not start in time')),
      this.options.startTimeoutMs ?? 60_000,
    );
    const failStart = (err: Error) => {
      if (ready) return;
      ready = true;
      clearTimeout(startTimer);
      this.starting--;
      void worker.terminate().catch(() => undefined);
      // Nobody else can take the waiting work: tell the callers now instead of hanging them.
      if (this.workers.size === 0 && this.starting === 0) {
        const unavailable = new EmailParserUnavailableError(
          `the email parse worker could not start: ${err.message}`,
        );
        for (const job of this.waiting.splice(0)) job.reject(unavailable);
      }
    };

    worker.on('message', (message: EmailParseReply) => {
      if (message.type === 'ready') {
        if (ready) return;
        ready = true;
        clearTimeout(startTimer);
        this.starting--;
        if (this.closed) {
          void worker.terminate().catch(() => undefined);
          return;
        }
        this.workers.add(pooled);
        this.idle.push(pooled);
        this.pump();
        return;
      }
      const current = pooled.current;
      if (!current || current.id !== message.id) return;
      clearTimeout(current.timer);
      pooled.current = null;
      current.job.resolve(outcomeOf(message));
      this.idle.push(pooled);
      this.pump();
    });
    const died = (err: Error) => {
      if (!ready) return failStart(err);
      this.discard(pooled, { kind: 'unparsed', reason: `the parser crashed: ${err.message}` });
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)));
  }

  private run(pooled: PoolWorker, job: Job): void {
    const id = ++this.nextId;
    const overBudget = () => {
      if (pooled.current?.id !== id) return;
      this.discard(pooled, {
        kind: 'unparsed',
        reason: `parsing took longer than ${this.options.timeoutMs} ms`,
      });
    };
    // The timer measures this thread's clock: when this thread was busy past the budget (a large
    // download, a GC pause), the worker's answer may already be waiting. Timers run before the
    // loop reads messages, so the verdict waits one turn (setImmediate runs after it) and a mail
    // parsed in time is never simplified for this thread's stall.
    const timer = setTimeout(() => setImmediate(overBudget), this.options.timeoutMs);
    pooled.current = { id, job, timer };
    const request: EmailParseRequest = { id, raw: job.raw, ctx: job.ctx };
    pooled.worker.postMessage(request);
  }

  /** Takes a worker out of the pool for good, answering its message with `outcome`. */
  private discard(pooled: PoolWorker, outcome: EmailParseOutcome): void {
    if (!this.workers.delete(pooled)) return;
    const idleAt = this.idle.indexOf(pooled);
    if (idleAt !== -1) this.idle.splice(idleAt, 1);
    const current = pooled.current;
    pooled.current = null;
    void pooled.worker.terminate().catch(() => undefined);
    if (current) {
      clearTimeout(current.timer);
      current.job.resolve(outcome);
    }
    if (!this.closed) this.pump();
  }
}

function outcomeOf(reply: Exclude<EmailParseReply, { type: 'ready' }>): EmailParseOutcome {
  if (reply.type === 'parsed')
    return { kind: 'parsed', events: reply.events.map(revived), notes: reply.notes };
  // Anything but a refusal is a parser bug on this mail: the plain-text path still keeps its words.
  return reply.refused
    ? { kind: 'refused', reason: reply.message }
    : { kind: 'unparsed', reason: `the parser failed: ${reply.message}` };
}

/**
 * Events as this thread's code expects them. Structured clone builds the copies in the main
 * context: attachment bytes arrive as Uint8Arrays, and Dates are not `instanceof Date` in another
 * realm (a test's sandbox), which schema checks would refuse.
 */
function revived(event: InboundEvent): InboundEvent {
  if (event.type === 'status') return { ...event, at: new Date(event.at.getTime()) };
  if (event.type !== 'message') return event;
  return {
    ...event,
    sentAt: new Date(event.sentAt.getTime()),
    attachments: (event.attachments ?? []).map((a) =>
      isRemoteAttachment(a)
        ? a
        : {
            ...a,
            content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
          },
    ),
  };
}
