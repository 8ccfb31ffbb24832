import type { StreamEvent } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiChannelCustomer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { FastIngestService } from './fast-ingest.service';
import type { IngestFunctionInput } from './ingest-function.repository';

/** Webhooks arriving together share one transaction; each is answered after its commit. */
describe('inbound group commit', () => {
  let db: TestDatabase;
  let api: TestApi;
  let customer: ApiChannelCustomer;
  let token: string;
  let inbox: { id: string; accountId: string };

  const count = async (sql: string, params: unknown[]) =>
    Number(((await api.dataSource.query(sql, params)) as { n: string }[])[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const { client, login } = await loginAs(api.baseUrl);
    token = login.token;
    const created = await createApiInbox(client);
    customer = created.customer;
    const [row] = (await api.dataSource.query('SELECT account_id FROM inboxes WHERE id = $1', [
      created.inbox.id,
    ])) as { account_id: string }[];
    inbox = { id: created.inbox.id, accountId: row!.account_id };
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('stores a burst from new and known customers once each, many per transaction, duplicates harmless', async () => {
    // Every rewrite of an event row is recorded: the batch stores its events numbered, once.
    await api.dataSource.query(`
      CREATE TABLE event_rewrites (type text NOT NULL);
      CREATE FUNCTION record_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO event_rewrites VALUES (NEW.type); RETURN NEW; END $$;
      CREATE TRIGGER record_event_rewrite AFTER UPDATE ON events
        FOR EACH ROW EXECUTE FUNCTION record_event_rewrite();
    `);
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    try {
      // 30 customers, their first messages included, each message delivered twice at once.
      const sends = Array.from({ length: 90 }, (_, i) => ({
        id: `burst-${i}`,
        from: { id: `burst-cust-${i % 30}`, name: `Burst ${i % 30}` },
        text: `burst message ${i}`,
      }));
      // As a provider does, a webhook refused for overload (503) is delivered again.
      const deliver = async (m: (typeof sends)[number]) => {
        for (let attempt = 0; ; attempt++) {
          const answer = await customer.say(m.text, m.id, m.from);
          if (answer.status !== 503 || attempt === 50) return answer;
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const answers = await Promise.all([...sends, ...sends].map(deliver));
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      const stored = answers.filter((a) => (a.body as { stored: number }).stored === 1).length;
      const duplicates = answers.filter(
        (a) => (a.body as { duplicates: number }).duplicates === 1,
      ).length;
      expect([stored, duplicates]).toEqual([90, 90]);

      const burst = "SELECT count(*) AS n FROM messages WHERE external_id LIKE 'burst-%'";
      expect(await count(burst, [])).toBe(90);
      expect(
        await count(
          `SELECT count(*) AS n FROM conversations c JOIN contact_identities i ON i.id = c.identity_id
            WHERE i.external_id LIKE 'burst-cust-%'`,
          [],
        ),
      ).toBe(30);
      // Grouped: fewer transactions than messages (an event's created_at is now(), the time its
      // transaction began; each item is a subtransaction of its own, so xmin would not tell).
      const transactions = await count(
        `SELECT count(DISTINCT created_at) AS n FROM events
          WHERE type = 'message.created' AND payload->'message'->>'text' LIKE 'burst %'`,
        [],
      );
      expect(transactions).toBeLessThan(90);

      // Every message reached the operator once, with a gap-free cursor sequence.
      const burstIds = (evs: StreamEvent[]) =>
        evs.flatMap((e) =>
          e.type === 'message.created' && e.payload.message.text?.startsWith('burst ')
            ? [e.payload.message.id]
            : [],
        );
      await socket.waitFor((evs) => burstIds(evs).length >= 90);
      const created = burstIds(socket.events);
      expect(new Set(created).size).toBe(90);
      expect(created).toHaveLength(90);
      const cursors = socket.events.map((e) => e.cursor);
      for (let i = 1; i < cursors.length; i++) expect(cursors[i]).toBe(cursors[i - 1]! + 1);
      // Written once, already numbered: no event row of the burst was rewritten to number it.
      expect(await count('SELECT count(*) AS n FROM event_rewrites', [])).toBe(0);
      expect(await count('SELECT count(*) AS n FROM events WHERE cursor IS NULL', [])).toBe(0);
    } finally {
      socket.close();
      await api.dataSource.query(
        'DROP TRIGGER record_event_rewrite ON events; DROP FUNCTION record_event_rewrite(); DROP TABLE event_rewrites',
      );
    }
  });

  it('numbers events other transactions committed before its own: cursor order stays commit order', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    try {
      // Committed without asking the sequencer, as by a writer that died right after its commit:
      // the sweep would number it only after a second.
      const [conv] = (await api.dataSource.query(
        'SELECT id FROM conversations WHERE account_id = $1 ORDER BY created_at LIMIT 1',
        [inbox.accountId],
      )) as { id: string }[];
      const [orphan] = (await api.dataSource.query(
        `INSERT INTO events (account_id, type, conversation_id, payload)
         VALUES ($1, 'conversation.updated', $2, jsonb_build_object('conversation', sb_conversation_summary($2)))
         RETURNING id`,
        [inbox.accountId, conv!.id],
      )) as { id: string }[];
      const answer = await customer.say('after the orphan', 'after-orphan-1', {
        id: 'orphan-follower',
      });
      expect(answer.status).toBe(200);
      // Numbered by the batch, before the batch's own events, by the time the webhook is answered.
      const cursors = (await api.dataSource.query(
        `SELECT (SELECT cursor::int FROM events WHERE id = $1) AS orphan,
                (SELECT min(cursor)::int FROM events WHERE conversation_id =
                   (SELECT conversation_id FROM messages WHERE external_id = 'after-orphan-1')) AS mine`,
        [orphan!.id],
      )) as { orphan: number | null; mine: number }[];
      expect(cursors[0]!.orphan).toBe(cursors[0]!.mine - 1);
      // And the socket gets them in that order.
      await socket.waitFor((evs) =>
        evs.some(
          (e) => e.type === 'message.created' && e.payload.message.text === 'after the orphan',
        ),
      );
      expect(socket.events.map((e) => [e.cursor, e.type])).toEqual([
        [cursors[0]!.orphan, 'conversation.updated'],
        [cursors[0]!.mine, 'conversation.created'],
        [cursors[0]!.mine + 1, 'message.created'],
      ]);
    } finally {
      socket.close();
    }
  });

  it('fails only the item that failed: its batch neighbours still commit', async () => {
    const repo = api.app.get(FastIngestService);
    const input = (n: string, accountId = inbox.accountId): IngestFunctionInput => ({
      accountId,
      inboxId: inbox.id,
      channel: 'api',
      sender: { externalId: 'lane-mate' },
      externalId: `lane-${n}`,
      text: `lane ${n}`,
      html: null,
      subject: null,
      attachments: [],
      preview: `lane ${n}`,
    });
    // One sender, so one lane: the first keeps it busy while the rest queue into one batch.
    const first = repo.ingest(input('1'));
    const unknownAccount = '00000000-0000-4000-8000-000000000000';
    const rest = [
      repo.ingest(input('2')),
      repo.ingest(input('bad', unknownAccount)),
      repo.ingest(input('3')),
      repo.ingest(input('2')),
    ];
    const settled = await Promise.allSettled([first, ...rest]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.kind : 'rejected'))).toEqual([
      'stored',
      'stored',
      'rejected',
      'stored',
      'duplicate',
    ]);
    expect(
      await count("SELECT count(*) AS n FROM messages WHERE external_id LIKE 'lane-%'", []),
    ).toBe(3);
    // The three that queued behind the first were written together.
    expect(
      await count(
        `SELECT count(DISTINCT created_at) AS n FROM events
          WHERE type = 'message.created' AND payload->'message'->>'text' IN ('lane 2', 'lane 3')`,
        [],
      ),
    ).toBe(1);
  });
});
