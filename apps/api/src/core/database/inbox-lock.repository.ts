import { Client, type QueryResult } from 'pg';

/**
 * One API instance works an inbox's pull loop at a time (fetching a mailbox, polling a Telegram
 * bot): a PostgreSQL session advisory lock, held on a connection of its own for as long as the
 * loop runs. If the instance dies, PostgreSQL closes the
 * session and the lock passes to the next instance that asks; no lease to expire, no clock skew.
 * Not an injectable: each lock owns its connection, outside the DataSource's pool.
 */
export class InboxLock {
  private lost = false;
  private readonly lostListeners: Array<() => void> = [];

  private constructor(private readonly client: Client) {
    const onLost = () => {
      if (this.lost) return;
      this.lost = true;
      this.lostListeners.splice(0).forEach((fn) => fn());
    };
    client.on('error', onLost);
    client.on('end', onLost);
  }

  /** The lock, or null when another instance holds it. */
  static async tryAcquire(
    databaseUrl: string,
    inboxId: string,
    /** What the lock is for: locks of different purposes on one inbox do not exclude each other. */
    purpose = 'email-sync',
  ): Promise<InboxLock | null> {
    const client = new Client({
      connectionString: databaseUrl,
      application_name: `switchboard-${purpose}:${inboxId}`.slice(0, 63),
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      // raw SQL: a session advisory lock (pg_try_advisory_lock), on this lock's own connection.
      const result: QueryResult<{ locked: boolean }> = await client.query(
        `SELECT pg_try_advisory_lock(hashtext('switchboard:' || $2), hashtext($1)) AS locked`,
        [inboxId, purpose],
      );
      if (result.rows[0]?.locked) return new InboxLock(client);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    await client.end().catch(() => undefined);
    return null;
  }

  /** Called when the lock's connection breaks: the sync must stop, someone else may take over. */
  onLost(listener: () => void): void {
    if (this.lost) listener();
    else this.lostListeners.push(listener);
  }

  get isLost(): boolean {
    return this.lost;
  }

  async release(): Promise<void> {
    this.lostListeners.length = 0;
    // Closing the session releases the lock; no explicit unlock needed.
    await this.client.end().catch(() => undefined);
  }
}
