import type { Socket } from 'node:net';
import { conflict, type BotApiError } from './bot-api-error';
import type { Update } from './fake-bot-types';
import type { UpdateQueue } from './update-queue';

/** The HTTP side of a call: the client's connection and a signal that fires when it goes away. */
export interface CallContext {
  socket: Socket | null;
  signal: AbortSignal;
}

interface HeldPoll {
  socket: Socket | null;
  end(error?: BotApiError): void;
}

const HANG_UP_GRACE_MS = 25;

export const TERMINATED_BY_OTHER_POLL = conflict(
  'terminated by other getUpdates request; make sure that only one bot instance is running',
);

/**
 * getUpdates' long poll: answers at once when updates are pending, else holds the call until one
 * arrives or `timeout` seconds pass. A newer getUpdates ends the held one with 409, as Telegram
 * does when two instances poll the same bot.
 */
export class LongPoll {
  private held: HeldPoll | null = null;
  conflicts = 0;

  constructor(private readonly queue: UpdateQueue) {}

  get activeCount(): number {
    return this.held ? 1 : 0;
  }

  get activeConnections(): number {
    return this.held ? 1 : 0;
  }

  /** Ends the held poll (if any) with this error, or with an empty result. */
  terminate(error?: BotApiError): void {
    this.held?.end(error);
  }

  async poll(
    options: { offset?: number; limit: number; timeoutSeconds: number },
    context: CallContext,
  ): Promise<Update[]> {
    if (this.held) {
      // A client that aborted its poll and polls again at once (grammY's bot.stop() does) is no
      // second instance: give its hang-up a moment to arrive before calling it a conflict.
      await new Promise((resolve) => setTimeout(resolve, HANG_UP_GRACE_MS));
      if (this.held) {
        this.conflicts++;
        this.held.end(TERMINATED_BY_OTHER_POLL);
      }
    }
    if (options.offset !== undefined) this.queue.confirm(options.offset);
    const ready = this.queue.peek(options.limit);
    if (ready.length > 0 || options.timeoutSeconds <= 0 || context.signal.aborted) {
      return ready;
    }
    return new Promise<Update[]>((resolve, reject) => {
      const held: HeldPoll = {
        socket: context.socket,
        end: (error) => {
          cleanup();
          if (error) reject(error);
          else resolve([]);
        },
      };
      const unsubscribe = this.queue.onPush(() => {
        const updates = this.queue.peek(options.limit);
        if (updates.length === 0) return;
        cleanup();
        resolve(updates);
      });
      const timer = setTimeout(() => held.end(), options.timeoutSeconds * 1000);
      const onAbort = (): void => held.end();
      context.signal.addEventListener('abort', onAbort);
      const cleanup = (): void => {
        clearTimeout(timer);
        unsubscribe();
        context.signal.removeEventListener('abort', onAbort);
        if (this.held === held) this.held = null;
      };
      this.held = held;
    });
  }
}
