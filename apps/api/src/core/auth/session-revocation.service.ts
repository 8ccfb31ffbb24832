import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventStreamService } from '../events/event-stream.service';
import { OperatorSessionsRepository, type EndedSessions } from './operator-sessions.repository';

/** The signal every instance receives when sessions end (payload: their token hashes, hex). */
export const SESSIONS_ENDED_SIGNAL = 'sessions.ended';
/** Hashes per NOTIFY, keeping each payload well under PostgreSQL's 8000 bytes. */
const HASHES_PER_NOTICE = 80;

export type SessionsEndedListener = (tokenHashes: ReadonlySet<string>) => void;

/**
 * Ends sessions and tells every instance at once (LISTEN/NOTIFY), so the sockets that lived on
 * them close wherever they are connected: at sign-out, at a password change, and for whoever
 * deactivates an operator (`revokeOperatorSessions`). A notice lost with a dropped connection is
 * caught by SessionSockets' periodic check against the table.
 */
@Injectable()
export class SessionRevocationService implements OnModuleInit {
  private readonly logger = new Logger(SessionRevocationService.name);
  private readonly listeners = new Set<SessionsEndedListener>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sessions: OperatorSessionsRepository,
    private readonly stream: EventStreamService,
  ) {}

  onModuleInit(): void {
    this.stream.onSignal((signal) => {
      if (signal.kind !== SESSIONS_ENDED_SIGNAL) return;
      const hashes = (signal.data as { sessions?: unknown }).sessions;
      if (Array.isArray(hashes)) this.dispatch(hashes.filter((h) => typeof h === 'string'));
    });
  }

  onSessionsEnded(listener: SessionsEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sign-out of one session. */
  async endSession(tokenHash: Buffer): Promise<void> {
    await this.announce(await this.sessions.delete(tokenHash));
  }

  /**
   * Ends every session of the operator (all but `keep`) and their sockets on every instance: for
   * deactivation, a password change, or "sign out everywhere". Returns how many ended.
   */
  async revokeOperatorSessions(operatorId: string, keep: Buffer | null = null): Promise<number> {
    const ended = await this.sessions.deleteOfOperator(this.ds.manager, operatorId, keep);
    await this.announce(ended);
    return ended?.tokenHashes.length ?? 0;
  }

  /** Closes the sockets of sessions already deleted (inside a transaction: after its commit). */
  async announce(ended: EndedSessions | null): Promise<void> {
    if (!ended || ended.tokenHashes.length === 0) return;
    const hashes = ended.tokenHashes.map((h) => h.toString('hex'));
    // Here at once; the other instances by NOTIFY (which also comes back here, harmlessly).
    this.dispatch(hashes);
    for (let i = 0; i < hashes.length; i += HASHES_PER_NOTICE) {
      await this.stream
        .publishSignal({
          accountId: ended.accountId,
          kind: SESSIONS_ENDED_SIGNAL,
          data: { sessions: hashes.slice(i, i + HASHES_PER_NOTICE) },
        })
        .catch((err: Error) =>
          this.logger.warn(
            `Could not announce ended sessions (checked again soon): ${err.message}`,
          ),
        );
    }
  }

  private dispatch(hashes: string[]): void {
    if (hashes.length === 0) return;
    const set = new Set(hashes);
    for (const listener of this.listeners) listener(set);
  }
}
