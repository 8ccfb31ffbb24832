// The feed and timeline part of `npm run bench`: 1 M conversations seeded straight into the
// API's database, keyset pages of the open feed, and the latest page of a 5,000-message thread.
import { performance } from 'node:perf_hooks';
import { percentile } from './load.mjs';

const log = (...a) => console.log('[bench]', ...a);

/** Fills `results` (seedSeconds, firstPage, page100, timeline, openCount). */
export async function measureFeed({ sql, db, base, auth, inbox, CONVERSATIONS, results }) {
  log(`seeding ${CONVERSATIONS} conversations`);
  const seedStart = performance.now();
  const account = (await sql(db, 'SELECT account_id FROM inboxes WHERE id = $1', [inbox.id]))
    .rows[0].account_id;
  await sql(
    db,
    `SET synchronous_commit = off;
     INSERT INTO contacts (id, account_id, name, email)
       SELECT md5('c' || g)::uuid, '${account}', 'Customer ' || g, 'c' || g || '@bench.test' FROM generate_series(1, ${CONVERSATIONS}) g;
     INSERT INTO contact_identities (id, account_id, contact_id, inbox_id, external_id)
       SELECT md5('i' || g)::uuid, '${account}', md5('c' || g)::uuid, '${inbox.id}', 'seed-' || g FROM generate_series(1, ${CONVERSATIONS}) g;
     INSERT INTO conversations (id, account_id, number, inbox_id, contact_id, identity_id, status, snoozed_until,
                                last_activity_at, last_message_preview, last_message_direction, created_at)
       SELECT md5('v' || g)::uuid, '${account}', 2000000 + g, '${inbox.id}', md5('c' || g)::uuid, md5('i' || g)::uuid,
              CASE WHEN g % 10 < 2 THEN 'open' WHEN g % 10 = 2 THEN 'snoozed' ELSE 'closed' END,
              CASE WHEN g % 10 = 2 THEN now() + interval '30 days' END,
              now() - make_interval(secs => g), 'Seeded message ' || g, 'incoming', now() - make_interval(secs => g)
         FROM generate_series(1, ${CONVERSATIONS}) g;
     ANALYZE;`,
  );
  results.seedSeconds = (performance.now() - seedStart) / 1000;
  const page = async (cursor) => {
    const t = performance.now();
    const res = await fetch(
      `${base}/api/conversations?status=open&limit=30${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: auth },
    );
    const body = await res.json();
    return { ms: performance.now() - t, body };
  };
  let cursor = null;
  for (let i = 1; i < 100; i++) cursor = (await page(cursor)).body.nextCursor;
  const timePage = async (c) => {
    const times = [];
    for (let i = 0; i < 200; i++) times.push((await page(c)).ms);
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  results.firstPage = await timePage(null);
  results.page100 = await timePage(cursor);
  // A long conversation: 5 000 messages, the latest page as the timeline opens it.
  const long = (
    await sql(
      db,
      `WITH c AS (SELECT id, account_id, inbox_id, contact_id FROM conversations WHERE number = 2000001)
       INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type,
                             sender_contact_id, text, created_at)
       SELECT c.account_id, c.id, c.inbox_id, CASE WHEN g % 2 = 0 THEN 'incoming' ELSE 'outgoing' END,
              'message', CASE WHEN g % 2 = 0 THEN 'contact' ELSE 'system' END,
              CASE WHEN g % 2 = 0 THEN c.contact_id END, 'Long thread message ' || g,
              now() - make_interval(secs => 5000 - g)
         FROM c, generate_series(1, 5000) g
       RETURNING conversation_id`,
    )
  ).rows[0].conversation_id;
  await sql(db, 'ANALYZE messages');
  const timeline = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/conversations/${long}/messages?limit=50`, {
      headers: auth,
    });
    const body = await res.json();
    if (i === 0 && body.items?.length !== 50)
      throw new Error(`timeline page: ${JSON.stringify(body).slice(0, 200)}`);
    if (i >= 20) timeline.push(performance.now() - t);
  }
  timeline.sort((a, b) => a - b);
  results.timeline = { p50: percentile(timeline, 50), p95: percentile(timeline, 95) };
  results.openCount = (
    await sql(db, `SELECT count(*)::int AS n FROM conversations WHERE status = 'open'`)
  ).rows[0].n;
}
