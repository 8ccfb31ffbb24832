import { Client, type QueryResult } from 'pg';

/**
 * One API instance fetches a mailbox at a time: a PostgreSQL session advisory lock, held on a
 * connection of its own for as long as the sync runs. If the instance dies, PostgreSQL closes the
 * session and the lock passes to the next instance that asks; no lease to expire, no clock skew.
 * Not an injectable: each lock owns its connection, outside the DataSource's pool.
 */
export class MailboxLock {
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
  static async tryAcquire(databaseUrl: string, inboxId: string): Promise<MailboxLock | null> {
    const client = new Client({
      connectionString: databaseUrl,
      application_name: `switchboard-email-sync:${inboxId}`,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      // raw SQL: a session advisory lock (pg_try_advisory_lock), on this lock's own connection.
      const result: QueryResult<{ locked: boolean }> = await client.query(
        `SELECT pg_try_advisory_lock(hashtext('switchboard:email-sync'), hashtext($1)) AS locked`,
        [inboxId],
      );
      if (result.rows[0]?.locked) return new MailboxLock(client);
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
