import { ImapFlow } from 'imapflow';
import {
  imapClientOptions,
  OAuthReconnectRequiredError,
  type EmailInboxContext,
} from '@switchboard/channels-email';
import type { EmailIngestService } from './email-ingest.service';
import type { EmailSyncLogRepository } from './email-sync-log.repository';
import type { EmailSyncStatesRepository } from './email-sync-states.repository';
import type { EmailSyncTimings } from './email-sync-timings';
import { describeError } from './describe-error';
import { MailboxCatchUp } from './mailbox-catch-up';
import { InboxLock } from '../../core/database/inbox-lock.repository';

export interface MailboxSyncDeps {
  databaseUrl: string;
  accountId: string;
  /** The inbox's context, with an OAuth access token other than one the server just refused. */
  context: (options: { refusedToken?: string }) => Promise<EmailInboxContext>;
  ingest: EmailIngestService;
  states: EmailSyncStatesRepository;
  syncLog: EmailSyncLogRepository;
  timings: EmailSyncTimings;
  log: (level: 'warn' | 'error' | 'debug', message: string) => void;
}

/**
 * Keeps one inbox's mailbox in step with Switchboard: takes the per-mailbox lock, connects, catches
 * up by UID, then waits in IDLE (or polls) and catches up again on every change. A watchdog NOOP
 * detects a connection that went silent; any failure closes everything and starts over after a
 * backoff, with a fresh catch-up, so nothing that arrived meanwhile is missed.
 */
export class ImapMailboxSync {
  private stopped = false;
  private client: ImapFlow | null = null;
  private wake: (() => void) | null = null;
  private readonly catchUpper: MailboxCatchUp;
  private running: Promise<void> | null = null;
  private catchingUp = false;
  /** The OAuth access token of the current session: if the server refuses it, it is not used again. */
  private accessToken: string | undefined;
  private refusedToken: string | undefined;

  constructor(
    readonly inboxId: string,
    private readonly deps: MailboxSyncDeps,
  ) {
    this.catchUpper = new MailboxCatchUp(inboxId, deps, () => this.stopped);
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.client?.close();
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let lock: InboxLock | null = null;
      let parked = false;
      try {
        lock = await InboxLock.tryAcquire(this.deps.databaseUrl, this.inboxId);
        if (!lock) {
          // Another instance syncs this mailbox and owns its status row; just ask again later.
          await this.sleep(this.deps.timings.lockRetryMs);
          continue;
        }
        await this.session(lock);
        failures = 0;
      } catch (err) {
        failures++;
        const message = describeError(err);
        this.deps.log('warn', `email sync ${this.inboxId}: ${message}`);
        if ((err as { authenticationFailed?: unknown }).authenticationFailed === true)
          this.refusedToken = this.accessToken;
        if (!this.stopped)
          await this.deps.states.setStatus(this.inboxId, 'error', message).catch(() => undefined);
        // The grant is gone: asking again cannot help. Parked until the inbox is reconnected,
        // which saves it and makes the service start a new sync.
        if (err instanceof OAuthReconnectRequiredError) parked = true;
      } finally {
        this.client?.close();
        this.client = null;
        await lock?.release();
      }
      if (parked) {
        await this.sleepUntilStopped();
        continue;
      }
      if (!this.stopped)
        await this.sleep(
          Math.min(this.deps.timings.reconnectMs * 2 ** Math.min(failures, 6), 60_000),
        );
    }
  }

  /** One connection's life: returns when the connection ends or the sync is stopped. */
  private async session(lock: InboxLock): Promise<void> {
    const ctx = await this.deps.context({ refusedToken: this.refusedToken });
    this.refusedToken = undefined;
    this.accessToken = ctx.secrets.auth === 'oauth' ? ctx.secrets.accessToken : undefined;
    const client = new ImapFlow({
      ...imapClientOptions(ctx.settings, ctx.secrets),
      maxIdleTime: this.deps.timings.maxIdleMs,
    });
    this.client = client;
    const ended = new Promise<void>((resolve) => {
      client.on('close', () => resolve());
      client.on('error', (err: unknown) => {
        this.deps.log(
          'debug',
          `email sync ${this.inboxId}: connection error ${describeError(err)}`,
        );
        resolve();
      });
      lock.onLost(() => {
        client.close();
        resolve();
      });
    });

    await this.deps.states.setStatus(this.inboxId, 'connecting');
    await client.connect();
    const mailbox = await client.mailboxOpen(ctx.settings.imap.mailbox);

    let failure: unknown = null;
    const fail = (err: unknown) => {
      failure = err;
      client.close();
    };
    let pending = true;
    let busy: Promise<void> = Promise.resolve();
    const catchUp = () => {
      pending = true;
      busy = busy.then(async () => {
        this.catchingUp = true;
        try {
          while (pending && !this.stopped && client.usable) {
            pending = false;
            await this.catchUpper.run(client, mailbox, ctx);
          }
        } finally {
          this.catchingUp = false;
        }
      });
      return busy;
    };
    // New mail while we IDLE: imapflow reports the new message count.
    client.on('exists', () => void catchUp().catch(fail));

    await catchUp();
    const idle = client.capabilities.has('IDLE');
    await this.deps.states.setStatus(this.inboxId, idle ? 'idle' : 'polling');

    const timers = [
      // Without IDLE, and as a safety net with it, look again regularly.
      setInterval(
        () => void catchUp().catch(fail),
        idle ? this.deps.timings.safetyPollMs : this.deps.timings.pollMs,
      ),
      setInterval(() => void this.watchdog(client).catch(fail), this.deps.timings.watchdogMs),
    ];
    try {
      await Promise.race([ended, new Promise<void>((resolve) => (this.wake = resolve))]);
    } finally {
      timers.forEach(clearInterval);
      this.wake = null;
      client.close();
      await busy.catch(() => undefined);
    }
    if (failure) throw failure;
    if (!this.stopped) throw new Error('IMAP connection closed');
  }

  /** A NOOP that does not answer in time means the connection is dead even if the socket looks open. */
  private async watchdog(client: ImapFlow): Promise<void> {
    // A long download keeps the NOOP queued behind it; the socket timeout guards that phase instead.
    if (this.catchingUp) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('IMAP server stopped answering (watchdog)')),
        this.deps.timings.watchdogTimeoutMs,
      );
    });
    try {
      await Promise.race([client.noop(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async sleepUntilStopped(): Promise<void> {
    while (!this.stopped) await this.sleep(60 * 60_000);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
