import type { ImapFlow, MailboxObject } from 'imapflow';
import type { EmailInboxContext } from '@switchboard/channels-email';
import { describeError } from './describe-error';
import { EmailParserUnavailableError } from './email-parser-pool';
import type { MailboxSyncDeps } from './imap-mailbox-sync';
import { reduceLargeMessage } from './large-message-reducer';
import { fetchSourceInWindows, SOURCE_WINDOW_BYTES } from './windowed-source-fetch';

/** Messages larger than this are not downloaded whole: only their text is (see large-message-reducer). */
const MAX_MESSAGE_BYTES = 60 * 1024 * 1024;
/** A message whose ingest keeps failing is logged and passed over after this many attempts. */
const MAX_ATTEMPTS = 3;

/**
 * One catch-up pass over a selected mailbox: decide the UID space (first connect, history window,
 * UIDVALIDITY change), then fetch every message after the last committed UID, oldest first, one at
 * a time, advancing `last_uid` only after each message's ingest committed.
 */
export class MailboxCatchUp {
  private readonly attempts = new Map<number, number>();

  constructor(
    private readonly inboxId: string,
    private readonly deps: Pick<MailboxSyncDeps, 'accountId' | 'ingest' | 'states' | 'syncLog'>,
    private readonly stopped: () => boolean,
  ) {}

  async run(client: ImapFlow, mailbox: MailboxObject, ctx: EmailInboxContext): Promise<void> {
    const { states } = this.deps;
    let state = await states.load(this.inboxId, ctx.settings.imap.mailbox);
    const uidValidity = BigInt(client.mailbox ? client.mailbox.uidValidity : mailbox.uidValidity);

    if (state.uidvalidity === null && ctx.settings.historyDays === 0) {
      await states.startAt(
        this.inboxId,
        uidValidity,
        Number(client.mailbox ? client.mailbox.uidNext : mailbox.uidNext) - 1,
      );
      state = await states.load(this.inboxId, ctx.settings.imap.mailbox);
    } else if (state.uidvalidity === null || BigInt(state.uidvalidity) !== uidValidity) {
      // First connect, or the server renumbered the mailbox: every old UID is meaningless now.
      // Re-reading is safe: Message-IDs already taken are skipped, the core dedupes the rest.
      const since = new Date(Date.now() - ctx.settings.historyDays * 24 * 3600_000);
      await states.resetUidSpace(this.inboxId, uidValidity, since);
      state = await states.load(this.inboxId, ctx.settings.imap.mailbox);
    }

    const lastUid = Number(state.lastUid);
    const since = state.historySince ?? new Date();
    const found = await client.search(
      { uid: `${lastUid + 1}:*`, since: dayOf(since) },
      { uid: true },
    );
    // "N:*" matches the highest UID even when it is below N; keep only what is really new.
    const uids = (Array.isArray(found) ? found : [])
      .filter((uid) => uid > lastUid)
      .sort((a, b) => a - b);
    const importing = state.historyCompletedAt === null;
    if (uids.length === 0) {
      if (importing) await states.finishImport(this.inboxId);
      return;
    }

    if (importing) await states.startImport(this.inboxId, uids.length);
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
      if (this.stopped() || !client.usable) return;
      await this.processOne(client, ctx, uid, sizes.get(uid), importing);
    }
    if (importing) await states.finishImport(this.inboxId);
    const status = client.capabilities.has('IDLE') ? 'idle' : 'polling';
    await states.setStatus(this.inboxId, status);
  }

  private async processOne(
    client: ImapFlow,
    ctx: EmailInboxContext,
    uid: number,
    meta: { size: number; date: Date | null } | undefined,
    importing: boolean,
  ): Promise<void> {
    const { states, syncLog, ingest } = this.deps;
    let reducedSource: Buffer | null = null;
    if (meta && meta.size > MAX_MESSAGE_BYTES) {
      const reduced = await reduceLargeMessage(client, uid, meta.size);
      const limit = `Message of ${Math.round(meta.size / 1024 / 1024)} MB is larger than the ${MAX_MESSAGE_BYTES / 1024 / 1024} MB limit`;
      await syncLog.add(this.inboxId, {
        uid,
        action: reduced ? 'skipped' : 'refused',
        reason: reduced
          ? `${limit}: only its text was stored; left out: ${reduced.dropped.join(', ')}`
          : limit,
      });
      if (!reduced) {
        await states.advance(this.inboxId, uid, importing);
        return;
      }
      reducedSource = reduced.source;
    }
    const msg = reducedSource
      ? { source: reducedSource, internalDate: meta?.date ?? undefined }
      : await fetchSource(client, uid, meta);
    if (!msg || !msg.source) {
      // Expunged between SEARCH and FETCH: nothing to import.
      await states.advance(this.inboxId, uid, importing);
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
      // No parser to run (shutting down, workers failing to start): the message is not at fault.
      if (err instanceof EmailParserUnavailableError) throw err;
      const attempts = (this.attempts.get(uid) ?? 0) + 1;
      this.attempts.set(uid, attempts);
      if (attempts < MAX_ATTEMPTS) throw err;
      // A message that breaks the pipeline every time must not block the mail after it.
      await syncLog.add(this.inboxId, {
        uid,
        action: 'failed',
        reason: `Could not be stored: ${describeError(err)}`,
      });
    }
    this.attempts.delete(uid);
    await states.advance(this.inboxId, uid, importing);
  }
}

/** A message's source and arrival time; a large one in windows, so no long copy blocks the API. */
async function fetchSource(
  client: ImapFlow,
  uid: number,
  meta: { size: number; date: Date | null } | undefined,
): Promise<{ source?: Buffer; internalDate?: Date | string } | null> {
  if (meta && meta.size > SOURCE_WINDOW_BYTES) {
    const source = await fetchSourceInWindows(client, uid, meta.size);
    return source ? { source, internalDate: meta.date ?? undefined } : null;
  }
  const msg = await client.fetchOne(
    String(uid),
    { uid: true, source: true, internalDate: true },
    { uid: true },
  );
  return msg || null;
}

/** IMAP SEARCH SINCE compares calendar days. */
function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
