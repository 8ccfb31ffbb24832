import { ImapFlow, type MailboxObject } from 'imapflow';
import { imapClientOptions, type EmailInboxContext } from '@switchboard/channels-email';
import type { EmailIngestService } from './email-ingest.service';
import type { EmailSyncStateRepository } from './email-sync-state.repository';
import type { EmailSyncTimings } from './email-sync-timings';
import { reduceLargeMessage } from './large-message-reducer';
import { MailboxLock } from './mailbox-lock';

export interface MailboxSyncDeps {
  databaseUrl: string;
  accountId: string;
  context: () => Promise<EmailInboxContext>;
  ingest: EmailIngestService;
  state: EmailSyncStateRepository;
  timings: EmailSyncTimings;
  log: (level: 'warn' | 'error' | 'debug', message: string) => void;
}

/** Messages larger than this are not downloaded whole: only their text is (see large-message-reducer). */
const MAX_MESSAGE_BYTES = 60 * 1024 * 1024;
/** A message whose ingest keeps failing is logged and passed over after this many attempts. */
const MAX_ATTEMPTS = 3;

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
  private readonly attempts = new Map<number, number>();
  private running: Promise<void> | null = null;
  private catchingUp = false;

  constructor(
    readonly inboxId: string,
    private readonly deps: MailboxSyncDeps,
  ) {}

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
      let lock: MailboxLock | null = null;
      try {
        lock = await MailboxLock.tryAcquire(this.deps.databaseUrl, this.inboxId);
        if (!lock) {
          await this.deps.state.setStatus(this.inboxId, 'waiting_for_lock').catch(() => undefined);
          await this.sleep(this.deps.timings.lockRetryMs);
          continue;
        }
        await this.session(lock);
        failures = 0;
      } catch (err) {
        failures++;
        const message = describe(err);
        this.deps.log('warn', `email sync ${this.inboxId}: ${message}`);
        if (!this.stopped)
          await this.deps.state.setStatus(this.inboxId, 'error', message).catch(() => undefined);
      } finally {
        this.client?.close();
        this.client = null;
        await lock?.release();
      }
      if (!this.stopped)
        await this.sleep(
          Math.min(this.deps.timings.reconnectMs * 2 ** Math.min(failures, 6), 60_000),
        );
    }
  }

  /** One connection's life: returns when the connection ends or the sync is stopped. */
  private async session(lock: MailboxLock): Promise<void> {
    const ctx = await this.deps.context();
    const client = new ImapFlow({
      ...imapClientOptions(ctx.settings, ctx.secrets),
      maxIdleTime: this.deps.timings.maxIdleMs,
    });
    this.client = client;
    const ended = new Promise<void>((resolve) => {
      client.on('close', () => resolve());
      client.on('error', (err: unknown) => {
        this.deps.log('debug', `email sync ${this.inboxId}: connection error ${describe(err)}`);
        resolve();
      });
      lock.onLost(() => {
        client.close();
        resolve();
      });
    });

    await this.deps.state.setStatus(this.inboxId, 'connecting');
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
            await this.catchUp(client, mailbox, ctx);
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
    await this.deps.state.setStatus(this.inboxId, idle ? 'idle' : 'polling');

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

  /** Fetch everything after the last committed UID, oldest first, one message at a time. */
  private async catchUp(
    client: ImapFlow,
    mailbox: MailboxObject,
    ctx: EmailInboxContext,
  ): Promise<void> {
    const { state } = this.deps;
    let row = await state.load(this.inboxId, ctx.settings.imap.mailbox);
    const uidValidity = BigInt(client.mailbox ? client.mailbox.uidValidity : mailbox.uidValidity);

    if (row.uidvalidity === null && ctx.settings.historyDays === 0) {
      await state.startAt(
        this.inboxId,
        uidValidity,
        Number(client.mailbox ? client.mailbox.uidNext : mailbox.uidNext) - 1,
      );
      row = await state.load(this.inboxId, ctx.settings.imap.mailbox);
    } else if (row.uidvalidity === null || BigInt(row.uidvalidity) !== uidValidity) {
      // First connect, or the server renumbered the mailbox: every old UID is meaningless now.
      // Re-reading is safe: Message-IDs already taken are skipped, the core dedupes the rest.
      const since = new Date(Date.now() - ctx.settings.historyDays * 24 * 3600_000);
      await state.resetUidSpace(this.inboxId, uidValidity, since);
      row = await state.load(this.inboxId, ctx.settings.imap.mailbox);
    }

    const lastUid = Number(row.last_uid);
    const since = row.history_since ?? new Date();
    const found = await client.search(
      { uid: `${lastUid + 1}:*`, since: dayOf(since) },
      { uid: true },
    );
    // "N:*" matches the highest UID even when it is below N; keep only what is really new.
    const uids = (Array.isArray(found) ? found : [])
      .filter((uid) => uid > lastUid)
      .sort((a, b) => a - b);
    const importing = row.history_completed_at === null;
    if (uids.length === 0) {
      if (importing) await state.finishImport(this.inboxId);
      return;
    }

    if (importing) await state.startImport(this.inboxId, uids.length);
    const sizes = new Map<number, { size: number; date: Date | null }>();
    for (const msg of await client.fetchAll(
      uids,
      { uid: true, size: true, internalDate: true },
      { uid: true },
    )) {
      sizes.set(msg.uid, {
        size: msg.size ?? 0,
        date: msg.internalDate instanceof Date ? msg.internalDate : null,
      });
    }

    for (const uid of uids) {
      if (this.stopped || !client.usable) return;
      await this.processOne(client, ctx, uid, sizes.get(uid), importing);
    }
    if (importing) await state.finishImport(this.inboxId);
    const status = client.capabilities.has('IDLE') ? 'idle' : 'polling';
    await state.setStatus(this.inboxId, status);
  }

  private async processOne(
    client: ImapFlow,
    ctx: EmailInboxContext,
    uid: number,
    meta: { size: number; date: Date | null } | undefined,
    importing: boolean,
  ): Promise<void> {
    const { state, ingest } = this.deps;
    let reducedSource: Buffer | null = null;
    if (meta && meta.size > MAX_MESSAGE_BYTES) {
      const reduced = await reduceLargeMessage(client, uid, meta.size);
      const limit = `Message of ${Math.round(meta.size / 1024 / 1024)} MB is larger than the ${MAX_MESSAGE_BYTES / 1024 / 1024} MB limit`;
      await state.log(this.inboxId, {
        uid,
        action: reduced ? 'skipped' : 'refused',
        reason: reduced
          ? `${limit}: only its text was stored; left out: ${reduced.dropped.join(', ')}`
          : limit,
      });
      if (!reduced) {
        await state.advance(this.inboxId, uid, importing);
        return;
      }
      reducedSource = reduced.source;
    }
    const msg = reducedSource
      ? { source: reducedSource, internalDate: meta?.date ?? undefined }
      : await client.fetchOne(
          String(uid),
          { uid: true, source: true, internalDate: true },
          { uid: true },
        );
    if (!msg || !msg.source) {
      // Expunged between SEARCH and FETCH: nothing to import.
      await state.advance(this.inboxId, uid, importing);
      return;
    }
    try {
      await ingest.ingest(this.deps.accountId, ctx, {
        source: msg.source,
        uid,
        mailbox: ctx.settings.imap.mailbox,
        receivedAt: msg.internalDate instanceof Date ? msg.internalDate : (meta?.date ?? undefined),
      });
    } catch (err) {
      const attempts = (this.attempts.get(uid) ?? 0) + 1;
      this.attempts.set(uid, attempts);
      if (attempts < MAX_ATTEMPTS) throw err;
      // A message that breaks the pipeline every time must not block the mail after it.
      await state.log(this.inboxId, {
        uid,
        action: 'failed',
        reason: `Could not be stored: ${describe(err)}`,
      });
    }
    this.attempts.delete(uid);
    await state.advance(this.inboxId, uid, importing);
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

/** IMAP SEARCH SINCE compares calendar days. */
function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const extra = (err as { responseText?: string }).responseText;
    return extra ? `${err.message}: ${extra}` : err.message;
  }
  return String(err);
}
