import type { QueryRunner } from 'typeorm';
import type { ApiClient } from '@switchboard/testing';
import type { InboxHarness } from './inbox-harness';
import { waitUntil } from './wait-until';

/** One handled conversation of the seeded month: when the customer wrote, how fast we answered. */
export interface HandledConversation {
  customer: string;
  daysAgo: number;
  firstResponseSeconds: number;
  /** Who is assigned, replies and closes. */
  operator: { id: string; client: ApiClient };
}

/** Every handled conversation is closed this long after the customer wrote (2h 05m). */
export const RESOLUTION_SECONDS = 7_500;

/** A local day `daysAgo` before today in a timezone, at 10:00 there, as an instant (via Intl). */
export function tenOClock(timeZone: string, daysAgo: number): Date {
  const parts = (d: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const day = parts(new Date(Date.now() - daysAgo * 86_400_000));
  const guess = Date.parse(`${day['year']}-${day['month']}-${day['day']}T10:00:00Z`);
  const shown = parts(new Date(guess));
  const shownMs = Date.parse(
    `${shown['year']}-${shown['month']}-${shown['day']}T${shown['hour']}:${shown['minute']}:00Z`,
  );
  return new Date(guess - (shownMs - guess));
}

/** The conversation's newest event cursor, once every event it has is numbered. */
async function settledCursor(h: InboxHarness, conversationId: string): Promise<number> {
  const row = await waitUntil(
    async () => {
      const [r] = (await h.api.dataSource.query(
        `SELECT count(*) FILTER (WHERE cursor IS NULL)::int AS pending, max(cursor) AS last
           FROM events WHERE conversation_id = $1`,
        [conversationId],
      )) as Array<{ pending: number; last: string | null }>;
      return r && r.pending === 0 && r.last !== null ? r : null;
    },
    () => `events of ${conversationId} are not numbered yet`,
  );
  return Number(row.last);
}

/**
 * Seeds a month through the real API: each customer writes through the API channel, an operator
 * is assigned, replies and closes. The reports consumer must see that as a month, so its cursor
 * row is held locked (it skips a locked account) while the events are written, and each event's
 * time is moved back to its day before the lock is let go: customer at 10:00, the reply
 * `firstResponseSeconds` later, the close RESOLUTION_SECONDS after the customer wrote.
 */
export async function seedMonth(
  h: InboxHarness,
  admin: ApiClient,
  timeZone: string,
  conversations: HandledConversation[],
): Promise<void> {
  const held: QueryRunner = h.api.dataSource.createQueryRunner();
  await held.connect();
  try {
    await held.startTransaction();
    const locked = (await held.query(
      `SELECT cursor FROM event_consumer_cursors WHERE consumer = 'reports' FOR UPDATE`,
    )) as unknown[];
    if (locked.length !== 1) throw new Error('the reports consumer has not started yet');
    for (const c of conversations) {
      const said = await h.customer(c.customer).say(`Question from ${c.customer}`);
      if (said.status >= 300) throw new Error(`webhook answered ${said.status}`);
      const { id } = await waitUntil(
        () => h.conversationOf(c.customer).catch(() => null),
        () => `no conversation for ${c.customer}`,
      );
      const asked = await settledCursor(h, id);
      await admin.ok('POST', `/api/conversations/${id}/assign`, { assigneeId: c.operator.id });
      await c.operator.client.ok('POST', `/api/conversations/${id}/messages`, {
        text: `Answer for ${c.customer}`,
      });
      const answered = await settledCursor(h, id);
      await c.operator.client.ok('POST', `/api/conversations/${id}/close`);
      const closed = await settledCursor(h, id);
      const wrote = tenOClock(timeZone, c.daysAgo);
      const at = (seconds: number) => new Date(wrote.getTime() + seconds * 1000);
      // Raw SQL in a test: the event log's times are what the consumer measures from.
      await held.query(
        `UPDATE events SET created_at = CASE
             WHEN cursor <= $2 THEN $3::timestamptz
             WHEN cursor <= $4 THEN $5::timestamptz
             ELSE $6::timestamptz END
           WHERE conversation_id = $1 AND cursor <= $7`,
        [id, asked, wrote, answered, at(c.firstResponseSeconds), at(RESOLUTION_SECONDS), closed],
      );
    }
    await held.commitTransaction();
  } catch (error) {
    if (held.isTransactionActive) await held.rollbackTransaction();
    throw error;
  } finally {
    await held.release();
  }
}
