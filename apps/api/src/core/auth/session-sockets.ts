import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import { SessionRevocationService } from './session-revocation.service';

const SIGNED_OUT = 'You were signed out';

/** What a socket needs to know about the session it was opened with. */
export interface SocketSession {
  tokenHash: Buffer;
  expiresAt: Date;
}

/** Closes one socket, telling the client why. */
export type EndSocket = (reason: string) => void;

interface Tracked {
  expiresAt: Date;
  sockets: Set<EndSocket>;
}

/**
 * No socket outlives its session. Sockets are registered under their session; they are closed
 * when the session ends anywhere (the revocation notice), and a periodic check closes those whose
 * session expired or disappeared without a notice (a dropped LISTEN connection, a deleted row).
 */
@Injectable()
export class SessionSockets implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionSockets.name);
  private readonly bySession = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly revocation: SessionRevocationService,
    private readonly sessions: OperatorSessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.revocation.onSessionsEnded((hashes) => {
      for (const hash of hashes) this.endAll(hash, SIGNED_OUT);
    });
    this.timer = setInterval(() => void this.check(), this.config.SESSION_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Registers a connected socket; call the returned function when it disconnects. */
  track(session: SocketSession, end: EndSocket): () => void {
    const key = session.tokenHash.toString('hex');
    let tracked = this.bySession.get(key);
    if (!tracked)
      this.bySession.set(key, (tracked = { expiresAt: session.expiresAt, sockets: new Set() }));
    tracked.sockets.add(end);
    return () => {
      const current = this.bySession.get(key);
      current?.sockets.delete(end);
      if (current?.sockets.size === 0) this.bySession.delete(key);
    };
  }

  /** Expired sessions by the clock here, then every other one against the table. */
  async check(): Promise<void> {
    if (this.checking || this.bySession.size === 0) return;
    this.checking = true;
    try {
      const now = Date.now();
      for (const [key, tracked] of this.bySession)
        if (tracked.expiresAt.getTime() <= now) this.endAll(key, 'Your session expired');
      const keys = [...this.bySession.keys()];
      for (let i = 0; i < keys.length; i += 1_000) {
        const batch = keys.slice(i, i + 1_000);
        const live = await this.sessions.findLive(batch.map((k) => Buffer.from(k, 'hex')));
        const liveKeys = new Set(live.map((h) => h.toString('hex')));
        for (const key of batch)
          // A vanished row is a sign-out (here or on a device) whose notice this instance has
          // not read yet, or never will: the same words as the notice, whichever comes first.
          if (!liveKeys.has(key)) this.endAll(key, SIGNED_OUT);
      }
    } catch (err) {
      // The database is away: sockets stay until it answers (their requests fail meanwhile).
      this.logger.warn(`Session check failed: ${(err as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  private endAll(key: string, reason: string): void {
    const tracked = this.bySession.get(key);
    if (!tracked) return;
    this.bySession.delete(key);
    for (const end of tracked.sockets) end(reason);
  }
}
