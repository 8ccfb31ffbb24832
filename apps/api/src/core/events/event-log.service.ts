import { Injectable } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { toStreamEvent } from './events.mapper';
import { EventsRepository } from './events.repository';
import type { PendingEvent } from './pending-event';

/** Accounts whose new events a transaction will want sequenced once it commits. */
export const PENDING_ACCOUNTS_KEY = 'switchboardPendingAccounts';
/** Events a transaction stored already numbered, to publish once it commits. */
export const NUMBERED_EVENTS_KEY = 'switchboardNumberedEvents';

export type RunnerEventData = {
  [PENDING_ACCOUNTS_KEY]?: Set<string>;
  [NUMBERED_EVENTS_KEY]?: Map<string, StreamEvent[]>;
};

/**
 * The per-account event log behind the conversation stream.
 *
 * A change records its events in its own transaction (`append`), without a cursor. Right after
 * the commit, `sequence` numbers every committed, unnumbered event of the account in one
 * statement: it locks the account's head row only inside that statement (never across a client
 * round trip), so cursors are gap-free, strictly increasing, and never handed out to an event
 * that could still roll back. A reader can therefore never move past an event that commits later.
 * Changes to one conversation already serialise on its row lock, so their events keep their order.
 */
@Injectable()
export class EventLogService {
  constructor(private readonly events: EventsRepository) {}

  /** Records events inside the caller's transaction. They get their cursor just after commit. */
  async append(em: EntityManager, accountId: string, pending: PendingEvent[]): Promise<void> {
    if (pending.length === 0) return;
    await this.events.append(em, accountId, pending);
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) {
      const data = runner.data as RunnerEventData;
      (data[PENDING_ACCOUNTS_KEY] ??= new Set()).add(accountId);
    } else {
      this.committed?.(accountId);
    }
  }

  /**
   * Records events numbered at once (EventsRepository.appendNumbered), for a batch writer whose
   * last write this is: no sequencing pass rewrites them, and they are published right after the
   * commit. It holds the account's head row until the transaction ends, so a transaction that
   * numbers events of several accounts must take them in account id order.
   */
  async appendNumbered(em: EntityManager, accountId: string, pending: PendingEvent[]) {
    if (pending.length === 0) return;
    const rows = await this.events.appendNumbered(em, accountId, pending);
    const numbered = rows.filter((r) => r.cursor !== null).map(toStreamEvent);
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) {
      this.published?.(accountId, numbered);
      if (numbered.length < rows.length) this.committed?.(accountId);
      return;
    }
    const data = runner.data as RunnerEventData;
    const byAccount = (data[NUMBERED_EVENTS_KEY] ??= new Map());
    byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), ...numbered]);
    // An account without a head row (none is made that way) leaves them to the sequencer.
    if (numbered.length < rows.length) (data[PENDING_ACCOUNTS_KEY] ??= new Set()).add(accountId);
  }

  /** Set by the sequencer: publishes events numbered by a statement that committed. */
  published: ((accountId: string, events: StreamEvent[]) => void) | null = null;

  /** Set by the sequencer: called with an account whose events just committed. */
  committed: ((accountId: string) => void) | null = null;

  /** For events written by a statement that committed on its own (no TypeORM transaction). */
  notifyCommitted(accountId: string): void {
    this.committed?.(accountId);
  }

  /**
   * Numbers the account's committed, unnumbered events (oldest first) and returns them. One
   * autocommit statement: the head row is locked only while it runs.
   */
  async sequence(accountId: string): Promise<StreamEvent[]> {
    const rows = await this.events.sequence(accountId);
    return rows.map(toStreamEvent).sort((a, b) => a.cursor - b.cursor);
  }

  /** Accounts with events that committed but were never numbered (a crash between the two). */
  async accountsWithUnsequenced(olderThanMs: number): Promise<string[]> {
    return this.events.accountsWithUnsequenced(olderThanMs);
  }

  /** Events after `cursor`, in order, at most `limit`. */
  async after(
    accountId: string,
    cursor: number,
    limit = 500,
    upTo?: number,
  ): Promise<StreamEvent[]> {
    const rows = await this.events.listAfter(accountId, cursor, limit, upTo);
    return rows.map(toStreamEvent);
  }

  /** The latest numbered cursor and the oldest one still kept. */
  async bounds(accountId: string): Promise<{ head: number; oldest: number | null }> {
    const row = await this.events.bounds(accountId);
    return {
      head: Number(row.head ?? 0),
      oldest: row.oldest === null ? null : Number(row.oldest),
    };
  }

  /** Drops events older than the retention window; clients further behind get `stream.reset`. */
  async prune(olderThanDays: number): Promise<number> {
    return this.events.deleteNumberedOlderThan(olderThanDays);
  }
}
